import { describe, expect, it } from 'vitest';
import { SlotMemory } from '../../view/slot-memory';
import type { RequestRecord } from '../../../../src/traffic/traffic-state';
import { buildScene } from './scene';
import { lotGroups } from './scene-layout';
import { layoutCity } from '../city/city-layout';
import { lessonWorld } from './scene-fixtures';
import { pointAlong, walkOf, walkRoute } from './walks';
import { clip, clipMiddle, wrapWords } from './text-fit';

const nodePortRequest: RequestRecord = {
  seq: 7,
  start: 0,
  ok: true,
  latencyMs: 3,
  hops: [
    { kind: 'client', label: 'Internet', at: 0 },
    { kind: 'node', label: 'kind-worker:30080', at: 1, node: 'kind-worker' },
    { kind: 'pod', label: 'web-2', at: 2, node: 'kind-worker2' },
  ],
  service: { namespace: 'default', name: 'web-gate', type: 'NodePort', via: 'nodeport' },
  pod: { namespace: 'default', name: 'web-2', node: 'kind-worker2' },
};

describe('walks', () => {
  it('turns a request through a NodePort into a visitor entering by that node’s gate', () => {
    expect(walkOf(nodePortRequest)).toMatchObject({ id: 'r7', service: 'Service/default/web-gate', pod: 'Pod/default/web-2', node: 'Node//kind-worker', entry: 'gate', outcome: 'ok' });
  });

  it('keeps a refused request’s reason, to show beside the person turned away', () => {
    const refused = walkOf({ ...nodePortRequest, ok: false, pod: undefined, failure: { reason: 'refused', hop: 1, message: 'no endpoints' } });
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'no endpoints', pod: undefined });
  });

  it('walks from the gate to the house, and is at the house at the end', () => {
    const scene = buildScene(lessonWorld(), { showSystem: false });
    const layout = layoutCity(scene, new SlotMemory().assign(lotGroups(scene)));
    const route = walkRoute(walkOf(nodePortRequest)!, layout);
    const gate = layout.gates.find((g) => g.key === 'Service/default/web-gate@Node//kind-worker')!;
    expect(route[0]).toEqual([gate.x, gate.y - 40]);
    expect(pointAlong(route, 1)).toEqual(route[route.length - 1]);
    expect(pointAlong(route, 0)).toEqual(route[0]);
  });
});

describe('wrapWords', () => {
  it.each([
    ['Meeting point, numbered gates', 16, 2, ['Meeting point,', 'numbered gates']],
    ['a b c d e f', 3, 2, ['a b', 'c …']],
    ['Supercalifragilistic', 8, 1, ['Superca…']],
  ])('wraps %j at %i characters into at most %i lines', (text, per, max, lines) => {
    expect(wrapWords(text, per, max)).toEqual(lines);
  });
  it('clips with an ellipsis', () => expect(clip('kind-control-plane', 10)).toBe('kind-cont…'));
});

describe('clipMiddle', () => {
  it('keeps the suffix that tells generated names apart', () => expect(clipMiddle('web-7957886d5-abcde', 10)).toBe('web-…abcde'));
  it('leaves short names alone', () => expect(clipMiddle('db', 10)).toBe('db'));
});
