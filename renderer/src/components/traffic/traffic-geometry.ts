// Where traffic's hops are drawn, in layout units: the Internet and the outside host beside the cluster, a load
// balancer above it, each node's NodePort gate, the Service boxes and the pods. Pure: layout in, points out.
import type { ClusterLayout, Box } from '../../view/cluster-layout';
import type { Hop } from '../../../../src/network/connect';

export interface Point {
  x: number;
  y: number;
}

export interface TrafficPlaces {
  boundary: Box;
  internet: Box;
  outside: Box;
  balancer: Box;
  dns: Point;
  gates: Map<string, Point>;
  services: Map<string, Point>;
  pods: Map<string, Point>;
  /** The layout's bounds grown to hold the places outside the cluster. */
  bounds: Box;
}

const PAD = 40;
/** How much the places grow the layout's bounds (trafficPlaces' `bounds`): the Internet on the left, the outside
 * host on the right, the balancer above, the boundary's padding. */
export const PLACES_AROUND = { w: 2 * PAD + 300 + 20 + 80 + 220 + 20, h: 2 * PAD + 150 + 20 + 20 };

export function trafficPlaces(layout: ClusterLayout): TrafficPlaces {
  const b = layout.bounds;
  const boundary = { x: b.x - PAD, y: b.y - PAD, w: b.w + 2 * PAD, h: b.h + 2 * PAD };
  const internet = { x: boundary.x - 300, y: boundary.y + boundary.h / 2 - 70, w: 220, h: 140 };
  const outside = { x: boundary.x + boundary.w + 80, y: boundary.y + boundary.h / 2 - 70, w: 220, h: 140 };
  const balancer = { x: boundary.x + boundary.w / 2 - 130, y: boundary.y - 150, w: 260, h: 100 };
  const gates = new Map<string, Point>();
  for (const n of layout.nodes) gates.set(n.node.name, { x: n.x + n.w / 2, y: n.y });
  const services = new Map<string, Point>();
  for (const s of layout.services) services.set(`${s.service.namespace}/${s.service.name}`, { x: s.x + s.w / 2, y: s.y + s.h / 2 });
  const pods = new Map<string, Point>();
  for (const p of layout.pods) pods.set(`${p.pod.namespace}/${p.pod.name}`, { x: p.x + p.w / 2, y: p.y + p.h / 2 });
  const dns = { x: boundary.x + 60, y: boundary.y + 20 };
  const bounds = { x: internet.x - 20, y: balancer.y - 20, w: outside.x + outside.w + 20 - (internet.x - 20), h: boundary.y + boundary.h + 20 - (balancer.y - 20) };
  return { boundary, internet, outside, balancer, dns, gates, services, pods, bounds };
}

function centre(b: Box): Point {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** The point of each hop of a request (undefined when its place is not drawn, e.g. a hidden system pod). */
export function hopPoints(places: TrafficPlaces, hops: Hop[], service?: { namespace: string; name: string }, pod?: { namespace: string; name: string }, clientPod?: string): (Point | undefined)[] {
  return hops.map((h, i) => {
    switch (h.kind) {
      case 'client':
        return h.label.startsWith('Internet') ? centre(places.internet) : clientPod ? places.pods.get(clientPod) : undefined;
      case 'dns':
        return places.dns;
      case 'balancer':
        return centre(places.balancer);
      case 'node':
        return h.node ? places.gates.get(h.node) : undefined;
      case 'service':
        return service ? places.services.get(`${service.namespace}/${service.name}`) : undefined;
      case 'pod':
        return pod && i === hops.length - 1 ? places.pods.get(`${pod.namespace}/${pod.name}`) : undefined;
      case 'outside':
        return centre(places.outside);
    }
  });
}

/** One hue per destination pod (stable: from its name). */
export function podHue(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 360;
}

export const SERVICE_TYPE_COLOURS: Record<string, string> = {
  ClusterIP: '#2563eb',
  NodePort: '#16a34a',
  LoadBalancer: '#9333ea',
  ExternalName: '#ea580c',
  none: '#64748b',
};
