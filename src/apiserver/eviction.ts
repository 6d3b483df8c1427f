// The pods/eviction subresource (policy/v1 Eviction): a graceful delete that a PodDisruptionBudget may refuse with
// 429 TooManyRequests. The simulator runs no disruption controller, so the budget is computed here from the pods the
// PDB selects when an eviction asks (healthy = Ready and not terminating); with no PDB it is just a graceful delete.
// https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/eviction-v1/
import type { KubeObject } from '../api/meta';
import type { Pod } from '../api/pod';
import type { LabelSelector } from '../api/meta';
import { matchesLabelSelector } from '../api/selectors';
import { ApiError } from './api-error';
import type { ApiServer } from './api-server';

interface PodDisruptionBudget extends KubeObject {
  spec?: { selector?: LabelSelector; minAvailable?: number | string; maxUnavailable?: number | string };
}

export interface EvictOptions {
  /** deleteOptions.gracePeriodSeconds of the Eviction. */
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

/** The Status body a real API server answers a successful eviction with (201 Created). */
export const EVICTION_SUCCESS = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };

const isReady = (p: Pod) => !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** An int-or-percent of `total`, rounded up (intstr.GetScaledValueFromIntOrPercent with roundUp). */
function scaled(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(v) || 0;
}

/** The budget's desired healthy count and current healthy count for the pods it selects. */
export function disruptionBudget(pdb: PodDisruptionBudget, pods: Pod[]): { desired: number; healthy: number } {
  const selected = pods.filter((p) => !p.metadata.deletionTimestamp && matchesLabelSelector(p.metadata.labels, pdb.spec?.selector ?? {}));
  const expected = selected.length;
  const healthy = selected.filter(isReady).length;
  const spec = pdb.spec ?? {};
  let desired = 0;
  if (spec.minAvailable !== undefined) desired = scaled(spec.minAvailable, expected);
  else if (spec.maxUnavailable !== undefined) desired = Math.max(0, expected - scaled(spec.maxUnavailable, expected));
  return { desired, healthy };
}

/** Evicts a pod as POST pods/NAME/eviction does; throws the API server's errors (404, 429, 500). */
export function evictPod(api: ApiServer, namespace: string, name: string, options: EvictOptions = {}): void {
  const pod = api.tryGet<Pod>('Pod', namespace, name);
  if (!pod) throw new ApiError('NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
  const phase = pod.status?.phase;
  // Terminating, finished and pending pods go without asking the budget.
  const ignoreBudget = !!pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending';
  if (!ignoreBudget) {
    const pdbs = api.list<PodDisruptionBudget>('PodDisruptionBudget', namespace).filter((b) => matchesLabelSelector(pod.metadata.labels, b.spec?.selector ?? {}));
    if (pdbs.length > 1) throw new ApiError('InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    if (pdbs.length === 1) {
      const pdb = pdbs[0]!;
      const { desired, healthy } = disruptionBudget(pdb, api.list<Pod>('Pod', namespace));
      // An unready pod may go while the budget holds; a ready one only if one more disruption is allowed.
      const allowed = isReady(pod) ? healthy - desired > 0 : healthy >= desired;
      if (!allowed) {
        throw new ApiError('TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
          causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${desired} healthy pods and has ${healthy} currently` }],
        });
      }
    }
  }
  api.delete('Pod', namespace, name, { gracePeriodSeconds: options.gracePeriodSeconds, dryRun: options.dryRun });
}
