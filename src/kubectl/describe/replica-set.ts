// describe replicaset. https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/replica-set-v1/
import type { ReplicaSet } from '../../api/workloads';
import type { Condition } from '../../api/meta';
import type { DescribeContext } from './context';
import { describeEvents, eventsFor } from './events';
import { controllerOf, formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline } from './meta-blocks';
import { describePodTemplate } from './pod-spec';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { formatPhaseCounts, podPhaseCounts } from './controller-pods';

export function describeReplicaSet(rs: ReplicaSet, ctx: DescribeContext): string {
  const counts = podPhaseCounts(ctx, rs.metadata.namespace ?? '', rs.spec.selector, rs.metadata.uid);
  const events = eventsFor(ctx, rs);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = controllerOf(rs.metadata.ownerReferences);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${formatPhaseCounts(counts)}\n`);
    describePodTemplate(rs.spec.template, w, ctx.minor);
    const conditions = (rs.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
