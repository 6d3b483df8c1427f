// kube-scheduler: binds each unscheduled pod to a node that passes every filter (unschedulable nodes, taints,
// nodeSelector and node affinity, free resources), scoring the rest; records why when none fits.
// Filter and message wording from pkg/scheduler/framework/plugins.
import type { Pod, NodeSelectorTerm, Toleration } from '../api/pod';
import type { Node, Taint } from '../api/node';
import type { Condition } from '../api/meta';
import type { Controller, ControllerContext } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { isoSeconds } from '../sim/duration';
import { milliCpu, parseQuantity } from '../api/quantity';
import { parseImage } from '../runtime/images';

export const SCHEDULER = 'scheduler';
/** Unschedulable pods are retried at least this often (podMaxInUnschedulablePodsDuration). */
const RETRY_UNSCHEDULABLE_MS = 5 * 60 * 1000;
const ALL_PENDING = '*';

/** Requests the scheduler counts for a container that sets none (non-zero defaults). */
const DEFAULT_CPU_MILLI = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

function isUnscheduled(pod: Pod): boolean {
  return !pod.spec.nodeName && !pod.metadata.deletionTimestamp && (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler' && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

function matchesTerm(node: Node, term: NodeSelectorTerm): boolean {
  const labels = node.metadata.labels ?? {};
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const e of exprs) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const v = labels[e.key];
    const values = e.values ?? [];
    const ok =
      e.operator === 'In' ? has && values.includes(v)
      : e.operator === 'NotIn' ? !has || !values.includes(v)
      : e.operator === 'Exists' ? has
      : e.operator === 'DoesNotExist' ? !has
      : e.operator === 'Gt' ? has && Number(v) > Number(values[0])
      : e.operator === 'Lt' ? has && Number(v) < Number(values[0])
      : false;
    if (!ok) return false;
  }
  for (const f of fields) {
    if (f.key === 'metadata.name' && f.operator === 'In' && !(f.values ?? []).includes(node.metadata.name!)) return false;
    if (f.key === 'metadata.name' && f.operator === 'NotIn' && (f.values ?? []).includes(node.metadata.name!)) return false;
  }
  return true;
}

function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required && !required.nodeSelectorTerms.some((t) => matchesTerm(node, t))) return false;
  return true;
}

interface Requests {
  cpu: number;
  memory: number;
}

function podRequests(pod: Pod, nonZero: boolean): Requests {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    const cpuQ = r.cpu ?? l.cpu;
    const memQ = r.memory ?? l.memory;
    cpu += cpuQ !== undefined ? milliCpu(cpuQ) : nonZero ? DEFAULT_CPU_MILLI : 0;
    memory += memQ !== undefined ? parseQuantity(memQ) : nonZero ? DEFAULT_MEMORY : 0;
  }
  return { cpu, memory };
}

function podsOnNode(ctx: ControllerContext, node: string): Pod[] {
  return ctx.api.list<Pod>('Pod').filter((p) => p.spec.nodeName === node && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/** Why a node cannot take the pod (the first failing filter), or undefined if it can. */
export function filterNode(pod: Pod, node: Node, running: Pod[]): string | undefined {
  if (node.spec.unschedulable && !tolerates(pod.spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return 'node(s) were unschedulable';
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!tolerates(pod.spec.tolerations, taint)) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  if (!matchesNodeSelectorAndAffinity(pod, node)) return "node(s) didn't match Pod's node affinity/selector";
  const wantedPorts = pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => p.hostPort));
  if (wantedPorts.length) {
    const used = new Set(running.flatMap((p) => p.spec.containers.flatMap((c) => (c.ports ?? []).map((pp) => pp.hostPort).filter(Boolean))));
    if (wantedPorts.some((p) => used.has(p))) return "node(s) didn't have free ports for the requested pod ports";
  }
  const alloc = node.status?.allocatable ?? {};
  const want = podRequests(pod, false);
  const used = running.reduce((acc, p) => {
    const r = podRequests(p, false);
    return { cpu: acc.cpu + r.cpu, memory: acc.memory + r.memory };
  }, { cpu: 0, memory: 0 });
  if (running.length + 1 > parseQuantity(alloc.pods ?? '110')) return 'Too many pods';
  const reasons: string[] = [];
  if (want.cpu > 0 && used.cpu + want.cpu > milliCpu(alloc.cpu ?? '0')) reasons.push('Insufficient cpu');
  if (want.memory > 0 && used.memory + want.memory > parseQuantity(alloc.memory ?? '0')) reasons.push('Insufficient memory');
  if (reasons.length) return reasons.join('\u0000');
  return undefined;
}

/** Filters whose failure evicting pods could cure (Unschedulable rather than UnschedulableAndUnresolvable). */
function resolvableByPreemption(reason: string): boolean {
  return reason.startsWith('Insufficient ') || reason === 'Too many pods' || reason === "node(s) didn't have free ports for the requested pod ports";
}

/** What default preemption says of a node the pod does not fit (SelectVictimsOnNode wants lower-priority pods). */
function preemptionReason(why: string, pod: Pod, running: Pod[]): string {
  if (!why.split('\u0000').every(resolvableByPreemption)) return 'Preemption is not helpful for scheduling';
  const priority = pod.spec.priority ?? 0;
  if (!running.some((p) => (p.spec.priority ?? 0) < priority)) return 'No preemption victims found for incoming pod';
  // Evicting lower-priority pods might make room; the simulated scheduler does not preempt (yet).
  return 'Preemption is not helpful for scheduling';
}

function scoreNode(pod: Pod, node: Node, running: Pod[], ctx: ControllerContext): number {
  const alloc = node.status?.allocatable ?? {};
  const cap = { cpu: milliCpu(alloc.cpu ?? '1'), memory: parseQuantity(alloc.memory ?? '1') };
  const used = running.reduce((acc, p) => {
    const r = podRequests(p, true);
    return { cpu: acc.cpu + r.cpu, memory: acc.memory + r.memory };
  }, podRequests(pod, true));
  // LeastAllocated (0–100 per resource, averaged).
  const least = ((Math.max(0, cap.cpu - used.cpu) * 100) / cap.cpu + (Math.max(0, cap.memory - used.memory) * 100) / cap.memory) / 2;
  // Default topology spreading: fewer pods of the same owner on this node is better.
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller)?.uid;
  const siblings = owner ? running.filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === owner)).length : 0;
  // ImageLocality: a small bonus when the images are already there.
  const images = new Set((node.status?.images ?? []).flatMap((i) => i.names));
  const local = pod.spec.containers.filter((c) => images.has(parseImage(c.image ?? '').fullName)).length;
  void ctx;
  return Math.floor(least) + (owner ? 100 - Math.min(100, siblings * 20) : 0) + local * 2;
}

function upsertCondition(conditions: Condition[] | undefined, c: Condition): Condition[] {
  const list = (conditions ?? []).filter((x) => x.type !== c.type);
  const old = conditions?.find((x) => x.type === c.type);
  if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return conditions!;
  return [...list, c];
}

function schedule(pod: Pod, ctx: ControllerContext, key: string): void {
  const nodes = ctx.api.list<Node>('Node');
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  const feasible: { node: Node; score: number }[] = [];
  for (const node of nodes) {
    const running = podsOnNode(ctx, node.metadata.name!);
    const why = filterNode(pod, node, running);
    if (why) {
      for (const r of why.split('\u0000')) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      const p = preemptionReason(why, pod, running);
      preemption.set(p, (preemption.get(p) ?? 0) + 1);
    } else {
      feasible.push({ node, score: scoreNode(pod, node, running, ctx) });
    }
  }
  const source = { component: 'default-scheduler' };
  const newApi = { action: 'Scheduling', reportingInstance: 'default-scheduler-kind-control-plane' };
  if (feasible.length === 0) {
    const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
    const total = nodes.length;
    const preemptionParts = [...preemption.entries()].map(([r, n]) => `${n} ${r}`).sort();
    // Before 1.30 the preemption sentence got a second period from the FitError's separator.
    const end = ctx.config.minor >= 30 ? '.' : '..';
    const message = `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${preemptionParts.join(', ')}${end}`;
    ctx.events.record(pod, 'Warning', 'FailedScheduling', message, source, { newApi });
    const conditions = upsertCondition(pod.status?.conditions, { lastProbeTime: null, lastTransitionTime: isoSeconds(ctx.now), message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' });
    if (conditions !== pod.status?.conditions) ctx.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } });
    ctx.requeueAfter(key, RETRY_UNSCHEDULABLE_MS);
    return;
  }
  const best = Math.max(...feasible.map((f) => f.score));
  const top = feasible.filter((f) => f.score === best);
  const chosen = top.length === 1 ? top[0].node : ctx.rng.pick(top).node;
  const nodeName = chosen.metadata.name!;
  // The binding: the API server sets nodeName and the PodScheduled condition.
  const bound = ctx.api.update<Pod>({ ...pod, metadata: { ...pod.metadata, resourceVersion: undefined }, spec: { ...pod.spec, nodeName } });
  const conditions = upsertCondition(bound.status?.conditions, { lastProbeTime: null, lastTransitionTime: isoSeconds(ctx.now), status: 'True', type: 'PodScheduled' });
  ctx.api.updateStatus<Pod>({ ...bound, status: { ...bound.status, conditions } });
  ctx.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, source, { newApi: { action: 'Binding', reportingInstance: newApi.reportingInstance } });
}

export const schedulerController: Controller = {
  name: SCHEDULER,
  watches: ['Pod', 'Node'],

  keysFor(change) {
    const o = change.object;
    if (o.kind === 'Pod') {
      if (change.type === 'DELETED') return (o as Pod).spec.nodeName ? [ALL_PENDING] : [];
      const pod = o as Pod;
      if (isUnscheduled(pod)) return [keyOf(o.metadata.namespace, o.metadata.name!)];
      // A pod that finished frees its node's resources.
      const prev = change.previous as Pod | undefined;
      if (prev && prev.status?.phase !== pod.status?.phase && (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')) return [ALL_PENDING];
      return [];
    }
    if (o.kind === 'Node') {
      const prev = change.previous;
      if (change.type === 'MODIFIED' && prev && JSON.stringify(prev.metadata.labels) === JSON.stringify(o.metadata.labels) && JSON.stringify(prev.spec) === JSON.stringify(o.spec)) return [];
      return [ALL_PENDING];
    }
    return [];
  },

  reconcile(key, ctx) {
    if (key === ALL_PENDING) {
      for (const pod of ctx.api.list<Pod>('Pod')) if (isUnscheduled(pod)) schedule(pod, ctx, keyOf(pod.metadata.namespace, pod.metadata.name!));
      return;
    }
    const [ns, name] = splitKey(key);
    const pod = ctx.api.tryGet<Pod>('Pod', ns, name);
    if (!pod || !isUnscheduled(pod)) return;
    schedule(pod, ctx, key);
  },
};
