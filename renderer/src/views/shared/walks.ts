// Requests as the metaphor's people (residents, customers, visitors): an adapter from the requests the traffic
// engine reports (WorldDiff.traffic.records) to walks along the metaphor's hops. Pure.
import type { RequestRecord } from '../../../../src/traffic/traffic-state';
import { keyOf, type ObjectKey } from '../../view/object-key';
import { buildingBox, type SceneLayout } from './scene-layout';

/** One request, as the technical view's particle would travel it. */
export interface Walk {
  id: string;
  service: ObjectKey;
  /** The endpoint pod that answers (absent when the request was refused before reaching one). */
  pod?: ObjectKey;
  /** The node whose port the request came through (NodePort, LoadBalancer). */
  node?: ObjectKey;
  entry: 'inside' | 'gate' | 'entrance';
  outcome: 'ok' | 'refused';
  /** Why it was refused (no endpoints, connection refused…), shown beside the person turned away. */
  reason?: string;
  /** 0 → 1 along the route. */
  progress: number;
}

/** A request as the traffic engine reports it (diff.traffic.records). */
export function walkOf(r: RequestRecord): Walk | undefined {
  if (!r.service) return undefined;
  const nodeHop = r.hops.find((h) => h.kind === 'node' && h.node);
  const via = r.service.via;
  return {
    id: `r${r.seq}`,
    service: keyOf('Service', r.service.namespace, r.service.name),
    pod: r.pod ? keyOf('Pod', r.pod.namespace, r.pod.name) : undefined,
    node: nodeHop?.node ? keyOf('Node', undefined, nodeHop.node) : r.pod ? keyOf('Node', undefined, r.pod.node) : undefined,
    entry: via === 'loadbalancer' ? 'entrance' : via === 'nodeport' ? 'gate' : 'inside',
    outcome: r.ok ? 'ok' : 'refused',
    reason: r.failure?.message,
    progress: 0,
  };
}

/** The points a walk passes, in layout units: (entrance →) (gate →) landmark → house. */
export function walkRoute(walk: Walk, layout: SceneLayout): [number, number][] {
  const route: [number, number][] = [];
  const landmark = layout.landmarks.find((l) => l.item.key === walk.service);
  const gate = walk.node ? layout.gates.find((g) => g.service === walk.service && g.node === walk.node) : undefined;
  if (walk.entry === 'entrance' && landmark) route.push([landmark.x + landmark.w / 2, landmark.y + landmark.h]);
  if (walk.entry !== 'inside' && gate) route.push([gate.x, gate.y - 40], [gate.x, gate.y + 10]);
  else if (landmark) route.push([landmark.x + landmark.w / 2, landmark.y + landmark.h]);
  const house = walk.pod ? layout.lots.find((l) => l.item.key === walk.pod) : undefined;
  if (house) {
    const b = buildingBox(house);
    route.push([b.x + b.w / 2, b.y + b.h * 0.7]);
  }
  return route;
}

/** Where along its route a walker is at `progress` (0 → 1), by distance. */
export function pointAlong(route: [number, number][], progress: number): [number, number] | undefined {
  if (route.length === 0) return undefined;
  if (route.length === 1) return route[0];
  const lengths = route.slice(1).map((p, i) => Math.hypot(p[0] - route[i]![0], p[1] - route[i]![1]));
  let remaining = lengths.reduce((a, b) => a + b, 0) * progress;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    if (remaining <= len || i === lengths.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, remaining / len);
      const a = route[i]!;
      const b = route[i + 1]!;
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    remaining -= len;
  }
  return route[route.length - 1];
}
