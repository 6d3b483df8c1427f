import { describe, expect, it } from 'vitest';
import type { ClusterLayout } from '../../view/cluster-layout';
import { PLACES_AROUND, trafficPlaces } from './traffic-geometry';

describe('traffic places', () => {
  it('grow the layout’s bounds by PLACES_AROUND (what the nodes’ rows are chosen with)', () => {
    const layout: ClusterLayout = { nodes: [], pods: [], services: [], workloads: [], links: [], sections: [], bounds: { x: 0, y: 0, w: 1000, h: 600 }, columns: 1 };
    const { bounds } = trafficPlaces(layout);
    expect({ w: bounds.w - 1000, h: bounds.h - 600 }).toEqual(PLACES_AROUND);
  });
});
