// The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
// `<deployment>-<pod-template-hash>`; rolling updates within maxSurge/maxUnavailable, or Recreate; revisions,
// history cleanup and the status and conditions `kubectl rollout status` reads.
import type { Condition } from '../api/meta';
import type { PodTemplateSpec } from '../api/pod';
import type { Deployment, ReplicaSet } from '../api/workloads';
import type { Pod } from '../api/pod';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isoSeconds } from '../sim/duration';
import { controllerRef, isPodActive } from './replicaset-controller';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';
const SOURCE = { component: 'deployment-controller' };
export const REVISION = 'deployment.kubernetes.io/revision';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

/** k8s.io/apimachinery/pkg/util/rand's SafeEncodeString alphabet (no vowels, no 0/1/3). */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  return `{${Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/**
 * ComputeHash: FNV-1a (32 bits) of the template and the collision count, its decimal digits mapped onto the safe
 * alphabet. Kubernetes hashes a spew dump of the Go struct; this hashes canonical JSON, so the names differ from a
 * real cluster's but have the same shape and the same stability.
 */
export function podTemplateHash(template: PodTemplateSpec, collisionCount = 0): string {
  const text = canonical(template) + (collisionCount ? String(collisionCount) : '');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [...String(h >>> 0)].map((c) => SAFE[c.charCodeAt(0) % SAFE.length]).join('');
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/** EqualIgnoreHash: two templates that differ only in the pod-template-hash label. */
export function sameTemplate(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return canonical(withoutHash(a)) === canonical(withoutHash(b));
}

/** intstr.GetScaledValueFromIntOrPercent: percentages of `total`, rounded up (surge) or down (unavailable). */
export function scaled(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number(value) || 0;
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

/** ResolveFenceposts: maxSurge and maxUnavailable in pods; both 0 would block, so unavailable becomes 1. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const replicas = d.spec.replicas ?? 1;
  if (d.spec.strategy?.type === 'Recreate') return { surge: 0, unavailable: replicas };
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaled(ru?.maxSurge ?? '25%', replicas, true);
  let unavailable = scaled(ru?.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function revisionOf(o: { metadata: { annotations?: Record<string, string> } }): number {
  return Number(o.metadata.annotations?.[REVISION] ?? 0) || 0;
}

export function ownedReplicaSets(api: ControllerContext['api'], d: Deployment): ReplicaSet[] {
  return api.list<ReplicaSet>('ReplicaSet', d.metadata.namespace).filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
}

/** The ReplicaSet of the deployment's current template, if it exists. */
export function findNewReplicaSet(rsList: ReplicaSet[], d: Deployment): ReplicaSet | undefined {
  return [...rsList].sort(byCreation).find((rs) => sameTemplate(rs.spec.template, d.spec.template));
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ca = a.metadata.creationTimestamp ?? '';
  const cb = b.metadata.creationTimestamp ?? '';
  return ca < cb ? -1 : ca > cb ? 1 : (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

const replicasOf = (rs: ReplicaSet) => rs.spec.replicas ?? 0;

function scaleReplicaSet(ctx: ControllerContext, d: Deployment, rs: ReplicaSet, to: number): ReplicaSet {
  const from = replicasOf(rs);
  const { surge } = resolveFenceposts(d);
  const annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED]: String(d.spec.replicas ?? 1), [MAX]: String((d.spec.replicas ?? 1) + surge) };
  const sameAnnotations = canonical(annotations) === canonical(rs.metadata.annotations ?? {});
  if (from === to && sameAnnotations) return rs;
  const updated = ctx.api.update<ReplicaSet>({ ...rs, metadata: { ...rs.metadata, annotations, resourceVersion: undefined }, spec: { ...rs.spec, replicas: to } });
  if (from !== to) ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, SOURCE);
  return updated;
}

function createNewReplicaSet(ctx: ControllerContext, d: Deployment, olds: ReplicaSet[], revision: number): ReplicaSet {
  const collisionCount = Number((d.status as { collisionCount?: number } | undefined)?.collisionCount ?? 0);
  const hash = podTemplateHash(d.spec.template, collisionCount);
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [HASH_LABEL]: hash };
  const template: PodTemplateSpec = { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } };
  const replicas = d.spec.replicas ?? 1;
  const { surge } = resolveFenceposts(d);
  let want = replicas;
  if (d.spec.strategy?.type !== 'Recreate') {
    const current = olds.reduce((n, rs) => n + replicasOf(rs), 0);
    want = Math.max(0, Math.min(replicas + surge - current, replicas));
  } else if (olds.some((rs) => replicasOf(rs) > 0)) want = 0;
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      annotations: { [DESIRED]: String(replicas), [MAX]: String(replicas + surge), [REVISION]: String(revision) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name!, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: want, minReadySeconds: d.spec.minReadySeconds, selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH_LABEL]: hash } }, template },
  };
  if (rs.spec.minReadySeconds === undefined) delete rs.spec.minReadySeconds;
  const created = ctx.api.create<ReplicaSet>(rs);
  if (want > 0) ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${want}`, SOURCE);
  return created;
}

function available(rs: ReplicaSet): number {
  return rs.status?.availableReplicas ?? 0;
}

/** reconcileOldReplicaSets: scale old ReplicaSets down while at least `replicas - maxUnavailable` stay available. */
function scaleDownOld(ctx: ControllerContext, d: Deployment, newRS: ReplicaSet, olds: ReplicaSet[]): void {
  const oldPods = olds.reduce((n, rs) => n + replicasOf(rs), 0);
  if (oldPods === 0) return;
  const all = [newRS, ...olds];
  const allPods = all.reduce((n, rs) => n + replicasOf(rs), 0);
  const { unavailable } = resolveFenceposts(d);
  const minAvailable = (d.spec.replicas ?? 1) - unavailable;
  const newUnavailable = replicasOf(newRS) - available(newRS);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return;
  // First the old pods that are not available anyway.
  let cleaned = 0;
  const sorted = [...olds].sort(byCreation);
  const current = new Map(sorted.map((rs) => [rs.metadata.name!, rs]));
  for (const rs of sorted) {
    if (cleaned >= maxScaledDown) break;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available(rs)) continue;
    const n = Math.min(maxScaledDown - cleaned, replicasOf(rs) - available(rs));
    current.set(rs.metadata.name!, scaleReplicaSet(ctx, d, rs, replicasOf(rs) - n));
    cleaned += n;
  }
  const availablePods = [newRS, ...current.values()].reduce((n, rs) => n + available(rs), 0);
  if (availablePods <= minAvailable) return;
  const total = availablePods - minAvailable;
  let done = 0;
  for (const rs of current.values()) {
    if (done >= total) break;
    if (replicasOf(rs) === 0) continue;
    const n = Math.min(replicasOf(rs), total - done);
    scaleReplicaSet(ctx, d, rs, replicasOf(rs) - n);
    done += n;
  }
}

function setCondition(conditions: Condition[], c: Condition): Condition[] {
  const cur = conditions.find((x) => x.type === c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason && cur.message === c.message) return conditions;
  if (cur && cur.status === c.status) c = { ...c, lastTransitionTime: cur.lastTransitionTime };
  return [...conditions.filter((x) => x.type !== c.type), c];
}

function syncDeployment(ctx: ControllerContext, ns: string, name: string): void {
  let d = ctx.api.tryGet<Deployment>('Deployment', ns, name);
  if (!d || d.metadata.deletionTimestamp) return;
  const rsList = ownedReplicaSets(ctx.api, d);
  let newRS = findNewReplicaSet(rsList, d);
  const olds = rsList.filter((rs) => rs !== newRS).sort(byCreation);
  const maxOldRevision = Math.max(0, ...olds.map(revisionOf));
  let created = false;
  if (d.spec.paused) {
    // A paused deployment only scales; no new ReplicaSet.
  } else if (!newRS) {
    newRS = createNewReplicaSet(ctx, d, olds, maxOldRevision + 1);
    created = true;
  } else if (revisionOf(newRS) <= maxOldRevision) {
    // A rollback (or a template seen before): the old ReplicaSet becomes the newest revision.
    newRS = ctx.api.update<ReplicaSet>({ ...newRS, metadata: { ...newRS.metadata, resourceVersion: undefined, annotations: { ...(newRS.metadata.annotations ?? {}), [REVISION]: String(maxOldRevision + 1) } } });
  }
  if (newRS && !d.spec.paused) {
    const replicas = d.spec.replicas ?? 1;
    if (d.spec.strategy?.type === 'Recreate') {
      for (const rs of olds) if (replicasOf(rs) > 0) scaleReplicaSet(ctx, d, rs, 0);
      const oldPodsRunning = ctx.api.list<Pod>('Pod', ns).some((p) => olds.some((rs) => controllerRef(p)?.uid === rs.metadata.uid) && (isPodActive(p) || p.metadata.deletionTimestamp));
      if (!oldPodsRunning) newRS = scaleReplicaSet(ctx, d, newRS, replicas);
    } else {
      if (replicasOf(newRS) > replicas) newRS = scaleReplicaSet(ctx, d, newRS, replicas);
      else if (replicasOf(newRS) < replicas) {
        const { surge } = resolveFenceposts(d);
        const current = [newRS, ...olds].reduce((n, rs) => n + replicasOf(rs), 0);
        const up = Math.min(replicas + surge - current, replicas - replicasOf(newRS));
        if (up > 0) newRS = scaleReplicaSet(ctx, d, newRS, replicasOf(newRS) + up);
      } else newRS = scaleReplicaSet(ctx, d, newRS, replicas);
      scaleDownOld(ctx, d, newRS, olds.map((rs) => ctx.api.tryGet<ReplicaSet>('ReplicaSet', ns, rs.metadata.name!) ?? rs));
    }
  } else if (newRS && d.spec.paused) newRS = scaleReplicaSet(ctx, d, newRS, d.spec.replicas ?? 1);
  cleanupHistory(ctx, d, newRS);
  // The Deployment carries its newest revision.
  d = ctx.api.tryGet<Deployment>('Deployment', ns, name)!;
  if (newRS && d.metadata.annotations?.[REVISION] !== String(revisionOf(newRS))) {
    d = ctx.api.update<Deployment>({ ...d, metadata: { ...d.metadata, resourceVersion: undefined, annotations: { ...(d.metadata.annotations ?? {}), [REVISION]: String(revisionOf(newRS)) } } });
  }
  writeStatus(ctx, d, newRS, created);
}

function cleanupHistory(ctx: ControllerContext, d: Deployment, newRS: ReplicaSet | undefined): void {
  const limit = d.spec.revisionHistoryLimit ?? 10;
  const dead = ownedReplicaSets(ctx.api, d)
    .filter((rs) => rs.metadata.uid !== newRS?.metadata.uid && replicasOf(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of dead.slice(0, Math.max(0, dead.length - limit))) ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name!);
}

function writeStatus(ctx: ControllerContext, d: Deployment, newRS: ReplicaSet | undefined, created: boolean): void {
  const all = ownedReplicaSets(ctx.api, d);
  const sum = (f: (rs: ReplicaSet) => number) => all.reduce((n, rs) => n + f(rs), 0);
  const replicas = d.spec.replicas ?? 1;
  const fresh = newRS ? (ctx.api.tryGet<ReplicaSet>('ReplicaSet', d.metadata.namespace, newRS.metadata.name!) ?? newRS) : undefined;
  const st = {
    availableReplicas: sum(available),
    readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
    replicas: sum((rs) => rs.status?.replicas ?? 0),
    updatedReplicas: fresh?.status?.replicas ?? 0,
  };
  const { unavailable } = resolveFenceposts(d);
  const now = isoSeconds(ctx.now);
  const prev = d.status ?? {};
  let conditions = [...(prev.conditions ?? [])];
  const avail = st.availableReplicas >= replicas - unavailable;
  conditions = setCondition(conditions, {
    type: 'Available',
    status: avail ? 'True' : 'False',
    lastUpdateTime: now,
    lastTransitionTime: now,
    reason: avail ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
    message: avail ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
  });
  const rsName = fresh?.metadata.name ?? '';
  const complete = fresh && st.updatedReplicas === replicas && st.replicas === replicas && st.availableReplicas === replicas;
  const progressed = created || st.updatedReplicas !== (prev.updatedReplicas ?? 0) || st.replicas !== (prev.replicas ?? 0) || st.readyReplicas !== (prev.readyReplicas ?? 0) || st.availableReplicas !== (prev.availableReplicas ?? 0);
  const cur = conditions.find((c) => c.type === 'Progressing');
  if (fresh && complete) {
    if (cur?.reason !== 'NewReplicaSetAvailable' || cur.message !== `ReplicaSet "${rsName}" has successfully progressed.`)
      conditions = setCondition(conditions, { type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
  } else if (fresh && created) {
    conditions = setCondition(conditions, { type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"` });
  } else if (fresh && (progressed || !cur)) {
    conditions = setCondition(conditions, { type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` });
  }
  const status: NonNullable<Deployment['status']> = {
    availableReplicas: st.availableReplicas,
    conditions,
    observedGeneration: d.metadata.generation,
    readyReplicas: st.readyReplicas,
    replicas: st.replicas,
    updatedReplicas: st.updatedReplicas,
  };
  if (replicas - st.availableReplicas > 0) status.unavailableReplicas = replicas - st.availableReplicas;
  for (const k of ['availableReplicas', 'readyReplicas', 'replicas', 'updatedReplicas'] as const) if (!status[k]) delete status[k];
  if (canonical(status) !== canonical(d.status ?? {})) ctx.api.updateStatus<Deployment>({ ...d, status });
}

export const deploymentController: Controller = {
  name: DEPLOYMENT_CONTROLLER,
  watches: ['Deployment', 'ReplicaSet', 'Pod'],
  keysFor(change) {
    const o = change.object;
    if (o.kind === 'Deployment') return [keyOf(o.metadata.namespace, o.metadata.name!)];
    if (o.kind === 'ReplicaSet') {
      const ref = controllerRef(o);
      return ref?.kind === 'Deployment' ? [keyOf(o.metadata.namespace, ref.name)] : [];
    }
    if (o.kind === 'Pod' && change.type === 'DELETED') {
      // Recreate waits for the old pods to be gone: look up their ReplicaSet's owner.
      return [`pod\u0000${o.metadata.namespace}\u0000${controllerRef(o)?.name ?? ''}`];
    }
    return [];
  },
  reconcile(key, ctx) {
    if (key.startsWith('pod\u0000')) {
      const [, ns, rsName] = key.split('\u0000');
      const rs = rsName ? ctx.api.tryGet<ReplicaSet>('ReplicaSet', ns, rsName) : undefined;
      const ref = rs && controllerRef(rs);
      if (ref?.kind === 'Deployment') syncDeployment(ctx, ns, ref.name);
      return;
    }
    const [ns, name] = splitKey(key);
    syncDeployment(ctx, ns!, name);
  },
};
