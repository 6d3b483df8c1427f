// The park's positions: behind each gate (a node) its ground with the ride cars (pods), the attractions above,
// the maintenance clock and its rounds on the right. Pure (see shared/scene-layout.ts).
import type { Scene } from '../shared/scene';
import { layoutScene, type SceneLayout, type SceneSizes } from '../shared/scene-layout';

export const PARK_SIZES: SceneSizes = {
  lot: { w: 160, h: 156, gap: 16 },
  wideLot: { w: 600, h: 100, upTo: 5 },
  district: { pad: 26, header: 150, gap: 44, maxPerRow: 3, minWidth: 380 },
  landmark: { w: 340, h: 150, gap: 22 },
  side: { w: 360, tower: 210, crew: 88, workload: 88, gap: 16 },
  gate: { w: 60, h: 60 },
  band: 70,
};

export function layoutPark(scene: Scene, slots: Map<string, number>, frame?: { w: number; h: number }, previousColumns?: number): SceneLayout {
  return layoutScene(scene, slots, PARK_SIZES, frame, previousColumns);
}
