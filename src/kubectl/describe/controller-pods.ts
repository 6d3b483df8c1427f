// `Pods Status: 2 Running / 0 Waiting / 0 Succeeded / 0 Failed`: the pods a controller selects and owns, by phase.
import type { LabelSelector } from '../../api/meta';
import type { Pod } from '../../api/pod';
import { matchesLabelSelector } from '../../api/selectors';
import type { DescribeContext } from './context';

export interface PhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

export function podPhaseCounts(ctx: DescribeContext, namespace: string, selector: LabelSelector | undefined, ownerUid: string | undefined): PhaseCounts {
  const counts: PhaseCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of ctx.api.list<Pod>('Pod', namespace)) {
    if (!matchesLabelSelector(pod.metadata.labels, selector ?? {})) continue;
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
    if (!owner || owner.uid !== ownerUid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

export function formatPhaseCounts(c: PhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}
