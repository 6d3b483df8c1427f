// What a person can do to the traffic and the nodes from the app or the CLI: start and stop generators, reset the
// counters, choose kube-proxy's and the balancer's modes, stop and start a node.
import type { Simulation } from '../sim/simulation';
import type { ConnectSource } from '../network/connect';
import { proxyState } from '../network/kube-proxy';
import { startNode, stopNode } from '../controllers/node-lifecycle-controller';
import { bindTraffic, BATCH_MS } from './traffic-controller';
import { TRAFFIC, trafficStateOf, type TrafficTarget } from './traffic-state';

export type WorldAction =
  | { type: 'stop-node'; node: string }
  | { type: 'start-node'; node: string }
  | { type: 'start-traffic'; from: ConnectSource; to: TrafficTarget; rate: number; path?: string }
  | { type: 'stop-traffic'; id: string }
  | { type: 'stop-all-traffic' }
  | { type: 'reset-traffic-counters' }
  | { type: 'set-proxy-mode'; mode: 'iptables' | 'ipvs' }
  | { type: 'set-balancer-mode'; mode: 'hash' | 'least-busy' };

export type ActionResult = { ok: true; id?: string } | { ok: false; error: string };

export function applyAction(sim: Simulation, action: WorldAction): ActionResult {
  bindTraffic(sim);
  const st = trafficStateOf(sim.stateOf(TRAFFIC));
  switch (action.type) {
    case 'stop-node':
    case 'start-node':
      try {
        if (action.type === 'stop-node') stopNode(sim, action.node);
        else startNode(sim, action.node);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    case 'start-traffic': {
      if (!(action.rate > 0) || !Number.isFinite(action.rate)) return { ok: false, error: `bad rate ${action.rate}` };
      const id = `g${st.nextId++}`;
      st.generators[id] = { id, from: action.from, to: action.to, rate: Math.min(action.rate, 5000), path: action.path, startedAt: sim.now(), carry: 0, lastAt: sim.now(), sent: 0, ok: 0, failed: 0, nodeTurn: 0 };
      sim.timers.add(sim.now() + BATCH_MS, TRAFFIC, `gen\u0000${id}`);
      return { ok: true, id };
    }
    case 'stop-traffic':
      if (!st.generators[action.id]) return { ok: false, error: `no traffic generator ${action.id}` };
      delete st.generators[action.id];
      return { ok: true };
    case 'stop-all-traffic':
      st.generators = {};
      return { ok: true };
    case 'reset-traffic-counters':
      st.byPod = {};
      st.failures = {};
      st.total = 0;
      st.ok = 0;
      for (const g of Object.values(st.generators)) Object.assign(g, { sent: 0, ok: 0, failed: 0 });
      return { ok: true };
    case 'set-proxy-mode':
      proxyState(sim).mode = action.mode;
      return { ok: true };
    case 'set-balancer-mode':
      proxyState(sim).lbMode = action.mode;
      return { ok: true };
  }
}
