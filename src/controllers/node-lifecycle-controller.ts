// The node lifecycle controller and taint-based eviction (pkg/controller/nodelifecycle, tainteviction): a node
// whose kubelet stops posting status goes Unknown after the grace period, gets the unreachable taints, its pods
// are marked not ready, then deleted once their toleration (300 s by default) runs out. `stopNode`/`startNode`
// are the actions that stop and start a node's kubelet.
import type { Node, Taint } from '../api/node';
import type { Pod } from '../api/pod';
import type { Condition } from '../api/meta';
import type { Controller, ControllerContext } from '../sim/controller';
import type { Simulation } from '../sim/simulation';
import { isoSeconds } from '../sim/duration';
import { NETWORK_TIMINGS } from '../network/timings';
import { KUBELET, kubeletState, nodeRuntime } from './kubelet-state';
import { keyOf } from '../sim/controller';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
const NODE_SOURCE = { component: 'node-controller' };
const EVICTION_SOURCE = { component: 'taint-eviction-controller' };
export const UNREACHABLE = 'node.kubernetes.io/unreachable';

interface LifecycleState {
  /** Nodes whose kubelet is stopped: name → when it stopped (ms). */
  stopped: Record<string, number>;
}

function stateOf(raw: Record<string, unknown>): LifecycleState {
  raw.stopped ??= {};
  return raw as unknown as LifecycleState;
}

/** When a node stopped at `stoppedAt` is seen NotReady: after the grace period, at the next monitor pass. */
export function notReadyAt(stoppedAt: number, minor: number): number {
  const due = stoppedAt + NETWORK_TIMINGS.nodeMonitorGracePeriod(minor);
  const period = NETWORK_TIMINGS.nodeMonitorPeriod;
  return Math.ceil(due / period) * period;
}

/** A NoExecute taint a pod does not tolerate evicts at once; a toleration with seconds delays it. */
export function tolerationSeconds(pod: Pod, taint: Taint): number | undefined | 'forever' {
  const t = (pod.spec.tolerations ?? []).find((x) => (x.operator === 'Exists' ? !x.key || x.key === taint.key : x.key === taint.key) && (!x.effect || x.effect === taint.effect));
  if (!t) return undefined;
  return t.tolerationSeconds === undefined ? 'forever' : Math.max(0, t.tolerationSeconds);
}

export function isNodeStopped(sim: Simulation, node: string): boolean {
  return stateOf(sim.stateOf(NODE_LIFECYCLE_CONTROLLER)).stopped[node] !== undefined;
}

/** Stops a node's kubelet (as `docker stop` of a kind node would, but the containers keep their state). */
export function stopNode(sim: Simulation, node: string): void {
  if (!sim.api.tryGet<Node>('Node', undefined, node)) throw new Error(`node "${node}" not found`);
  const st = stateOf(sim.stateOf(NODE_LIFECYCLE_CONTROLLER));
  if (st.stopped[node] !== undefined) return;
  st.stopped[node] = sim.now();
  nodeRuntime(kubeletState(sim), node).down = true;
  sim.timers.add(notReadyAt(sim.now(), sim.config.minor), NODE_LIFECYCLE_CONTROLLER, `node\u0000${node}`);
  sim.settle();
}

/** Starts a stopped node's kubelet again: Ready at once, taints removed, its pods synced again. */
export function startNode(sim: Simulation, node: string): void {
  const st = stateOf(sim.stateOf(NODE_LIFECYCLE_CONTROLLER));
  if (st.stopped[node] === undefined) return;
  delete st.stopped[node];
  nodeRuntime(kubeletState(sim), node).down = false;
  sim.timers.add(sim.now(), NODE_LIFECYCLE_CONTROLLER, `node\u0000${node}`);
  for (const p of sim.store.list<Pod>('Pod')) if (p.spec.nodeName === node) sim.timers.add(sim.now(), KUBELET, keyOf(p.metadata.namespace, p.metadata.name!));
  sim.settle();
}

function setConditions(node: Node, ready: boolean, now: number): Condition[] {
  const stamp = isoSeconds(now);
  return (node.status?.conditions ?? []).map((c) => {
    if (!ready) {
      if (c.status === 'Unknown') return c;
      return { ...c, status: 'Unknown', lastHeartbeatTime: c.lastHeartbeatTime, lastTransitionTime: stamp, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' };
    }
    const back: Record<string, [Condition['status'], string, string]> = {
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    };
    const [status, reason, message]: [Condition['status'], string, string] = back[c.type] ?? [c.status, c.reason ?? '', c.message ?? ''];
    return { ...c, status, reason, message, lastHeartbeatTime: stamp, lastTransitionTime: c.status === status ? c.lastTransitionTime : stamp };
  });
}

function syncNode(ctx: ControllerContext, name: string): void {
  const st = stateOf(ctx.state);
  const node = ctx.api.tryGet<Node>('Node', undefined, name);
  if (!node) return;
  const stopped = st.stopped[name] !== undefined;
  const now = ctx.now;
  const others = (node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE);
  if (stopped) {
    if (now < notReadyAt(st.stopped[name], ctx.config.minor)) return;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status !== 'Unknown') {
      const taints: Taint[] = [...others, { effect: 'NoSchedule', key: UNREACHABLE, timeAdded: isoSeconds(now) }, { effect: 'NoExecute', key: UNREACHABLE, timeAdded: isoSeconds(now) }];
      ctx.api.update<Node>({ ...node, metadata: { ...node.metadata, resourceVersion: undefined }, spec: { ...node.spec, taints } });
      const fresh = ctx.api.get<Node>('Node', undefined, name);
      ctx.api.updateStatus<Node>({ ...fresh, status: { ...fresh.status, conditions: setConditions(fresh, false, now) } });
      ctx.events.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, NODE_SOURCE);
      // MarkPodsNotReady
      for (const p of ctx.api.list<Pod>('Pod').filter((p) => p.spec.nodeName === name)) {
        const conditions = (p.status?.conditions ?? []).map((c) => (c.type === 'Ready' && c.status !== 'False' ? { ...c, status: 'False' as const, lastTransitionTime: isoSeconds(now) } : c));
        if (JSON.stringify(conditions) !== JSON.stringify(p.status?.conditions ?? [])) {
          ctx.api.updateStatus<Pod>({ ...p, status: { ...p.status, conditions } });
          ctx.events.record(p, 'Warning', 'NodeNotReady', 'Node is not ready', NODE_SOURCE);
        }
      }
    }
    evict(ctx, name, now);
  } else {
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status === 'True' && others.length === (node.spec.taints ?? []).length) return;
    ctx.api.update<Node>({ ...node, metadata: { ...node.metadata, resourceVersion: undefined }, spec: { ...node.spec, taints: others.length ? others : undefined } });
    const fresh = ctx.api.get<Node>('Node', undefined, name);
    ctx.api.updateStatus<Node>({ ...fresh, status: { ...fresh.status, conditions: setConditions(fresh, true, now) } });
    ctx.events.record(node, 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, NODE_SOURCE);
  }
}

/** The taint eviction controller: deletes pods whose toleration of the NoExecute taint has run out. */
function evict(ctx: ControllerContext, name: string, now: number): void {
  const node = ctx.api.get<Node>('Node', undefined, name);
  const taint = node.spec.taints?.find((t) => t.key === UNREACHABLE && t.effect === 'NoExecute');
  if (!taint) return;
  const since = Date.parse(taint.timeAdded ?? isoSeconds(now));
  let next: number | undefined;
  for (const p of ctx.api.list<Pod>('Pod').filter((p) => p.spec.nodeName === name && !p.metadata.deletionTimestamp)) {
    const secs = tolerationSeconds(p, taint);
    if (secs === 'forever') continue;
    const at = since + (secs ?? 0) * 1000;
    if (at <= now) {
      ctx.events.record(p, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${p.metadata.namespace}/${p.metadata.name}`, EVICTION_SOURCE);
      ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name!);
    } else next = Math.min(next ?? at, at);
  }
  if (next !== undefined) ctx.requeueAfter(`node\u0000${name}`, next - now);
}

export const nodeLifecycleController: Controller = {
  name: NODE_LIFECYCLE_CONTROLLER,
  watches: ['Pod'],
  keysFor(change) {
    // A pod landing on (or staying on) an unreachable node is the eviction pass's business.
    const o = change.object as Pod;
    if (o.kind === 'Pod' && change.type === 'ADDED' && o.spec.nodeName) return [`node\u0000${o.spec.nodeName}`];
    return [];
  },
  reconcile(key, ctx) {
    const name = key.slice('node\u0000'.length);
    const st = stateOf(ctx.state);
    if (st.stopped[name] === undefined) {
      const node = ctx.api.tryGet<Node>('Node', undefined, name);
      if (!node?.spec.taints?.some((t) => t.key === UNREACHABLE) && node?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True') return;
    }
    syncNode(ctx, name);
  },
};
