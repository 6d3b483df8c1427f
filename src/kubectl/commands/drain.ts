// kubectl drain: cordon, then evict every pod on the node that may go, refusing what kubectl refuses.
import type { KubeObject } from '../../api/meta';
import type { Pod } from '../../api/pod';
import type { KubectlContext, KubectlResult } from '../context';
import { boolFlag, durationFlag, intFlag, stringFlag } from '../flags';
import { parseLabelSelector } from '../../api/selectors';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';
import { nodesFor, setUnschedulable } from './cordon';
import { MAX_WAIT_MS } from './delete';
import { dryRunSuffix, parseDryRun } from './object-output';
import { evictPod } from '../../apiserver/eviction';
import { isApiError } from '../errors';

const FATAL = {
  daemonSet: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)',
  localStorage: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
  unmanaged: 'cannot delete Pods that declare no controller (use --force to override)',
};
const WARNING = {
  daemonSet: 'ignoring DaemonSet-managed Pods',
  localStorage: 'deleting Pods with local storage',
  unmanaged: 'deleting Pods that declare no controller',
};
type Reason = keyof typeof FATAL;

interface PodVerdict {
  pod: Pod;
  /** Not deleted: mirror pods, DaemonSet pods with --ignore-daemonsets. */
  skip: boolean;
  warning?: Reason;
  fatal?: Reason;
}

/** The drain filters, in kubectl's order: deleted, DaemonSet, mirror, local storage, unreplicated. */
export function judgePod(pod: Pod, opts: { force: boolean; ignoreDaemonSets: boolean; deleteEmptyDirData: boolean }): PodVerdict {
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (pod.metadata.deletionTimestamp) return { pod, skip: true };
  if (controller?.kind === 'DaemonSet') {
    return opts.ignoreDaemonSets ? { pod, skip: true, warning: 'daemonSet' } : { pod, skip: false, fatal: 'daemonSet' };
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return { pod, skip: true };
  const verdict: PodVerdict = { pod, skip: false };
  if (!finished && pod.spec.volumes?.some((v) => (v as { emptyDir?: unknown }).emptyDir !== undefined)) {
    if (!opts.deleteEmptyDirData) return { pod, skip: false, fatal: 'localStorage' };
    verdict.warning = 'localStorage';
  }
  if (!controller && !finished) {
    if (!opts.force) return { pod, skip: false, fatal: 'unmanaged' };
    verdict.warning = 'unmanaged';
  }
  return verdict;
}

function podKey(p: KubeObject): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

function grouped(verdicts: PodVerdict[], pick: (v: PodVerdict) => Reason | undefined, text: Record<Reason, string>): string[] {
  const out: string[] = [];
  for (const reason of ['daemonSet', 'localStorage', 'unmanaged'] as Reason[]) {
    const pods = verdicts.filter((v) => pick(v) === reason).map((v) => podKey(v.pod));
    if (pods.length) out.push(`${text[reason]}: ${pods.join(', ')}`);
  }
  return out;
}

function runDrain(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const f = inv.flags;
    const { dryRun } = parseDryRun(f.string('dry-run'));
    const nodes = nodesFor(inv, ctx, 'drain');
    const api = ctx.sim.api;
    const opts = { force: f.bool('force'), ignoreDaemonSets: f.bool('ignore-daemonsets'), deleteEmptyDirData: f.bool('delete-emptydir-data') || f.bool('delete-local-data') };
    const podSelector = f.string('pod-selector');
    const grace = f.int('grace-period', -1);
    const disableEviction = f.bool('disable-eviction');
    const timeout = f.duration('timeout', 0);
    const pending: string[] = [];
    let fatal: string[] = [];
    for (const node of nodes) {
      setUnschedulable(node, true, dryRun, ctx, out);
      const pods = api
        .list<Pod>('Pod', undefined, podSelector ? { labelSelector: parseLabelSelector(podSelector) } : {})
        .filter((p) => p.spec.nodeName === node.metadata.name);
      const verdicts = pods.map((p) => judgePod(p, opts));
      const errors = grouped(verdicts, (v) => v.fatal, FATAL);
      if (errors.length) {
        const text = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
        out.err(`error: unable to drain node "${node.metadata.name}" due to error: ${text}, continuing command...`);
        pending.push(node.metadata.name!);
        fatal = errors;
        continue;
      }
      for (const w of grouped(verdicts, (v) => v.warning, WARNING)) out.err(`Warning: ${w}`);
      const victims = verdicts.filter((v) => !v.skip).map((v) => v.pod);
      const refused = new Set<Pod>();
      const remove = (p: Pod) => {
        const gracePeriodSeconds = grace >= 0 ? grace : undefined;
        if (disableEviction) return void api.delete('Pod', p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds });
        try {
          evictPod(api, p.metadata.namespace!, p.metadata.name!, { gracePeriodSeconds });
          refused.delete(p);
        } catch (e) {
          // A disruption budget says no: kubectl says so and asks again 5 s later.
          if (!isApiError(e) || e.reason !== 'TooManyRequests') throw e;
          refused.add(p);
          out.err(`error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}" (will retry after 5s): ${e.message}`);
        }
      };
      for (const p of victims) {
        if (dryRun !== 'client') out.out(`${disableEviction ? 'deleting' : 'evicting'} pod ${podKey(p)}`);
        if (dryRun === 'none') remove(p);
      }
      const limit = timeout > 0 ? timeout : MAX_WAIT_MS;
      let waited = 0;
      while (dryRun === 'none' && refused.size && waited + 5_000 <= limit) {
        ctx.sim.advance(5_000);
        waited += 5_000;
        for (const p of [...refused]) {
          out.out(`evicting pod ${podKey(p)}`);
          remove(p);
        }
      }
      if (refused.size) {
        const errors = [...refused].map((p) => `error when evicting pods/"${p.metadata.name}" -n "${p.metadata.namespace}": global timeout reached: ${Math.round(limit / 1000)}s`);
        const text = errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
        out.err(`There are pending pods in node "${node.metadata.name}" when an error occurred: ${text}`);
        for (const p of refused) out.err(`pod/${p.metadata.name}`);
        out.err(`error: unable to drain node "${node.metadata.name}" due to error: ${text}, continuing command...`);
        pending.push(node.metadata.name!);
        fatal = errors;
        continue;
      }
      if (dryRun === 'none' && victims.length) {
        const gone = (p: Pod) => api.tryGet('Pod', p.metadata.namespace, p.metadata.name!)?.metadata.uid !== p.metadata.uid;
        const done = new Set<Pod>();
        const report = () => {
          for (const p of victims) {
            if (!done.has(p) && gone(p)) {
              done.add(p);
              out.out(`pod/${p.metadata.name} ${disableEviction ? 'deleted' : 'evicted'}`);
            }
          }
          return done.size === victims.length;
        };
        const ok = ctx.sim.advanceUntil(report, Math.max(0, (timeout > 0 ? timeout : MAX_WAIT_MS) - waited));
        if (!ok) {
          const left = victims.filter((p) => !done.has(p)).map((p) => `pod/${p.metadata.name}`);
          out.err(`There are pending pods in node "${node.metadata.name}" when an error occurred: error when waiting for pod "${left[0].slice(4)}" in namespace "${victims.find((p) => !done.has(p))!.metadata.namespace}" to terminate: global timeout reached: ${Math.round((timeout > 0 ? timeout : MAX_WAIT_MS) / 1000)}s`);
          for (const l of left) out.err(l);
          out.err(`error: unable to drain node "${node.metadata.name}" due to error: error when waiting for pod "${left[0].slice(4)}" terminating: global timeout reached: ${Math.round((timeout > 0 ? timeout : MAX_WAIT_MS) / 1000)}s, continuing command...`);
          pending.push(node.metadata.name!);
          fatal = [`error when waiting for pod "${left[0].slice(4)}" terminating: global timeout reached: ${Math.round((timeout > 0 ? timeout : MAX_WAIT_MS) / 1000)}s`];
          continue;
        }
      }
      out.out(`node/${node.metadata.name} drained${dryRunSuffix(dryRun)}`);
    }
    if (pending.length) {
      out.err('There are pending nodes to be drained:');
      for (const n of pending) out.err(` ${n}`);
      for (const e of fatal) out.err(`error: ${e}`);
      out.exitCode = 1;
    }
  });
}

export const drainCommand: CommandDef = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  group: 'Cluster Management Commands',
  flags: [
    intFlag('chunk-size'),
    boolFlag('delete-emptydir-data'),
    boolFlag('delete-local-data'),
    boolFlag('disable-eviction'),
    stringFlag('dry-run', undefined, 'unchanged'),
    boolFlag('force'),
    intFlag('grace-period'),
    boolFlag('ignore-daemonsets'),
    stringFlag('pod-selector'),
    stringFlag('selector', 'l'),
    durationFlag('skip-wait-for-delete-timeout'),
    durationFlag('timeout'),
  ],
  run: runDrain,
};
