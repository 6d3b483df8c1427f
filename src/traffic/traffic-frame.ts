// What the views get about traffic each frame: the new requests, the generators, the counters, the nodes down.
import type { Simulation } from '../sim/simulation';
import { proxyState } from '../network/kube-proxy';
import { isNodeStopped } from '../controllers/node-lifecycle-controller';
import { takeRecords, trafficStateOf, TRAFFIC, type RequestRecord, type TrafficGenerator, type TrafficState } from './traffic-state';

export interface TrafficFrame {
  records: RequestRecord[];
  generators: Omit<TrafficGenerator, 'carry' | 'lastAt' | 'nodeTurn'>[];
  byPod: TrafficState['byPod'];
  failures: TrafficState['failures'];
  total: number;
  ok: number;
  nodesDown: string[];
  proxyMode: 'iptables' | 'ipvs';
  balancerMode: 'hash' | 'least-busy';
}

export function trafficFrame(sim: Simulation, take = true): TrafficFrame {
  const st = trafficStateOf(sim.stateOf(TRAFFIC));
  const px = proxyState(sim);
  return {
    records: take ? takeRecords(sim.api) : [],
    generators: Object.values(st.generators).map(({ carry, lastAt, nodeTurn, ...g }) => (void carry, void lastAt, void nodeTurn, JSON.parse(JSON.stringify(g)))),
    byPod: { ...st.byPod },
    failures: { ...st.failures },
    total: st.total,
    ok: st.ok,
    nodesDown: sim.store.list('Node').map((n) => n.metadata.name!).filter((n) => isNodeStopped(sim, n)),
    proxyMode: px.mode,
    balancerMode: px.lbMode,
  };
}
