// The mall's positions: its buildings side by side, a till per lot, the shops' signs along the gallery above,
// the closing-time clock and the cleaning crews on the right. Pure (see shared/scene-layout.ts).
import type { Scene } from '../shared/scene';
import { layoutScene, type SceneLayout, type SceneSizes } from '../shared/scene-layout';

export const MALL_SIZES: SceneSizes = {
  lot: { w: 160, h: 156, gap: 16 },
  wideLot: { w: 600, h: 100, upTo: 5 },
  district: { pad: 26, header: 110, gap: 44, maxPerRow: 3, minWidth: 380 },
  landmark: { w: 340, h: 150, gap: 22 },
  side: { w: 360, tower: 210, crew: 88, workload: 88, gap: 16 },
  gate: { w: 60, h: 60 },
  band: 70,
};

export function layoutMall(scene: Scene, slots: Map<string, number>, frame?: { w: number; h: number }, previousColumns?: number): SceneLayout {
  return layoutScene(scene, slots, MALL_SIZES, frame, previousColumns);
}
