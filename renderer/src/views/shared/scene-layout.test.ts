import { describe, expect, it } from 'vitest';
import { SlotMemory } from '../../view/slot-memory';
import { buildScene } from './scene';
import { lotGroups, lotColumns } from './scene-layout';
import { layoutCity } from '../city/city-layout';
import { layoutPark } from '../park/park-layout';
import { lessonWorld, node, pod } from './scene-fixtures';

function layoutOf(objects: ReturnType<typeof lessonWorld>, memory = new SlotMemory()) {
  const scene = buildScene(objects, { showSystem: false });
  return layoutCity(scene, memory.assign(lotGroups(scene)));
}

describe('the metaphors’ layout', () => {
  it('gives the same positions for the same world (pure)', () => {
    expect(layoutOf(lessonWorld())).toEqual(layoutOf(lessonWorld()));
  });

  it('keeps a house on its lot when a neighbour is knocked down, and fills the free lot next', () => {
    const memory = new SlotMemory();
    const world = lessonWorld();
    const before = layoutOf(world, memory);
    const web3 = before.lots.find((l) => l.item.name === 'web-3')!;
    const without1 = world.filter((o) => o.metadata.name !== 'web-1');
    const after = layoutOf(without1, memory);
    expect(after.lots.find((l) => l.item.name === 'web-3')).toMatchObject({ x: web3.x, y: web3.y });
    const refilled = layoutOf([...without1, pod('web-4', 'kind-worker', { labels: { app: 'web' }, at: '2026-01-05T10:00:00Z' })], memory);
    const web1 = before.lots.find((l) => l.item.name === 'web-1')!;
    expect(refilled.lots.find((l) => l.item.name === 'web-4')).toMatchObject({ x: web1.x, y: web1.y });
  });

  it('puts a numbered gate for each NodePort and LoadBalancer service in every district', () => {
    const l = layoutOf(lessonWorld());
    expect(l.gates).toHaveLength(2 * 3);
    expect(new Set(l.gates.map((g) => g.nodePort))).toEqual(new Set([30080]));
    expect(l.links.filter((k) => k.to.includes('@'))).toHaveLength(3);
  });

  it('places 200 pods a node on distinct lots inside their district, with no labels under them', () => {
    const objects = [node('a'), node('b'), ...Array.from({ length: 400 }, (_, i) => pod(`p-${i}`, i % 2 ? 'a' : 'b'))];
    const l = layoutOf(objects);
    expect(l.lots).toHaveLength(400);
    expect(new Set(l.lots.map((p) => `${p.x},${p.y}`)).size).toBe(400);
    for (const p of l.lots) {
      const d = l.districts.find((x) => x.item.name === p.group)!;
      expect(p.x).toBeGreaterThanOrEqual(d.x);
      expect(p.x + p.w).toBeLessThanOrEqual(d.x + d.w);
      expect(p.y + p.h).toBeLessThanOrEqual(d.y + d.h);
    }
    expect(lotColumns(200)).toBe(15);
    expect(l.labelled).toBe(false);
  });

  it('draws the park with the same lots as the city, under taller gates', () => {
    const scene = buildScene(lessonWorld(), { showSystem: false });
    const park = layoutPark(scene, new SlotMemory().assign(lotGroups(scene)));
    expect(park.lots.map((p) => p.item.key)).toEqual(layoutOf(lessonWorld()).lots.map((p) => p.item.key));
  });

  it('puts as many neighbourhoods a row as make the scene largest in the frame it is drawn in', () => {
    const scene = buildScene(lessonWorld(), { showSystem: false });
    const slots = new SlotMemory().assign(lotGroups(scene));
    const wide = layoutCity(scene, slots, { w: 32, h: 8 });
    const tall = layoutCity(scene, slots, { w: 4, h: 8 });
    const rows = (l: typeof wide) => new Set(l.districts.map((d) => d.y)).size;
    expect(rows(wide)).toBe(1);
    expect(rows(tall)).toBeGreaterThan(1);
    expect(tall.bounds.w / tall.bounds.h).toBeLessThan(wide.bounds.w / wide.bounds.h);
  });
});
