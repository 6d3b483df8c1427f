// The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods that it owns, creating
// them from the template (`<rs>-<5 chars>`) and deleting the least useful ones first; reports status.
import type { OwnerReference } from '../api/meta';
import type { Pod } from '../api/pod';
import type { ReplicaSet } from '../api/workloads';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isPodReady } from './endpoints-controller';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
const SOURCE = { component: 'replicaset-controller' };

/** The controller owner reference of an object, if any. */
export function controllerRef(o: { metadata: { ownerReferences?: OwnerReference[] } }): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

/** A pod that counts towards replicas: not finished and not being deleted (controller.FilterActivePods). */
export function isPodActive(p: Pod): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

/** Available: ready for at least minReadySeconds (0 here: ready is available). */
export function isPodAvailable(p: Pod, minReadySeconds = 0, now = 0): boolean {
  if (!isPodReady(p)) return false;
  if (!minReadySeconds) return true;
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  return !!ready?.lastTransitionTime && Date.parse(ready.lastTransitionTime) + minReadySeconds * 1000 <= now;
}

export function ownedPods(ctx: ControllerContext, rs: ReplicaSet): Pod[] {
  return ctx.api.list<Pod>('Pod', rs.metadata.namespace).filter((p) => controllerRef(p)?.uid === rs.metadata.uid);
}

/**
 * The order pods are deleted in when scaling down (controller.ActivePods' ranking): unscheduled before scheduled,
 * pending before unknown before running, not ready before ready, more restarts first, newer before older.
 */
export function deletionRank(a: Pod, b: Pod): number {
  const scheduled = (p: Pod) => (p.spec.nodeName ? 1 : 0);
  if (scheduled(a) !== scheduled(b)) return scheduled(a) - scheduled(b);
  const phase = (p: Pod) => ({ Pending: 0, Unknown: 1, Running: 2 } as Record<string, number>)[p.status?.phase ?? 'Pending'] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: Pod) => p.metadata.creationTimestamp ?? '';
  if (created(a) !== created(b)) return created(a) > created(b) ? -1 : 1;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

function podFromTemplate(rs: ReplicaSet): Pod {
  const tmpl = rs.spec.template;
  const spec = JSON.parse(JSON.stringify(tmpl.spec)) as Pod['spec'];
  const metadata: Pod['metadata'] = {
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    labels: { ...(tmpl.metadata?.labels ?? {}) },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name!, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
  if (tmpl.metadata?.annotations && Object.keys(tmpl.metadata.annotations).length) metadata.annotations = { ...tmpl.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

function syncReplicaSet(ctx: ControllerContext, ns: string, name: string): void {
  const rs = ctx.api.tryGet<ReplicaSet>('ReplicaSet', ns, name);
  if (!rs || rs.metadata.deletionTimestamp) return;
  const pods = ownedPods(ctx, rs);
  const active = pods.filter(isPodActive);
  const want = rs.spec.replicas ?? 1;
  if (active.length < want) {
    for (let i = active.length; i < want; i++) {
      const created = ctx.api.create<Pod>(podFromTemplate(rs));
      ctx.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
    }
  } else if (active.length > want) {
    for (const p of [...active].sort(deletionRank).slice(0, active.length - want)) {
      ctx.api.delete('Pod', ns, p.metadata.name!);
      ctx.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE);
    }
  }
  const now = ctx.now;
  const after = ownedPods(ctx, rs).filter(isPodActive);
  const labels = rs.spec.template.metadata?.labels ?? {};
  const status: NonNullable<ReplicaSet['status']> = {
    availableReplicas: after.filter((p) => isPodAvailable(p, Number(rs.spec.minReadySeconds ?? 0), now)).length,
    fullyLabeledReplicas: after.filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
    observedGeneration: rs.metadata.generation,
    readyReplicas: after.filter(isPodReady).length,
    replicas: after.length,
  };
  // Go's omitempty: zero counts are left out.
  for (const k of ['availableReplicas', 'fullyLabeledReplicas', 'readyReplicas'] as const) if (!status[k]) delete status[k];
  const fresh = ctx.api.tryGet<ReplicaSet>('ReplicaSet', ns, name)!;
  if (JSON.stringify(fresh.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus<ReplicaSet>({ ...fresh, status });
}

export const replicaSetController: Controller = {
  name: REPLICASET_CONTROLLER,
  watches: ['ReplicaSet', 'Pod'],
  keysFor(change) {
    const o = change.object;
    if (o.kind === 'ReplicaSet') return [keyOf(o.metadata.namespace, o.metadata.name!)];
    if (o.kind === 'Pod') {
      const keys = new Set<string>();
      for (const obj of [o, change.previous]) {
        const ref = obj && controllerRef(obj);
        if (ref?.kind === 'ReplicaSet') keys.add(keyOf(o.metadata.namespace, ref.name));
      }
      return [...keys];
    }
    return [];
  },
  reconcile(key, ctx) {
    const [ns, name] = splitKey(key);
    syncReplicaSet(ctx, ns!, name);
  },
};
