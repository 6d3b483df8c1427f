// Scene → positions, in layout units, shared by the three metaphors (each passes its own sizes). Pure: the same
// scene and slots give the same layout. A pod keeps its lot (SlotMemory); a newcomer takes the lowest free lot.
// Districts grow as a square grid of lots, so 1 to 200 pods a node stay readable with zoom and pan.
import { linkHorizontal } from 'd3';
import { podRows, type Box } from '../../view/cluster-layout';
import type { ObjectKey } from '../../view/object-key';
import type { Scene, SceneCronJob, SceneJob, SceneNode, ScenePod, SceneService, SceneWorkload } from './scene';

export type { Box };
export type Placed<T> = Box & { item: T };
export type PlacedPod = Placed<ScenePod> & { group: string };

export interface Gate {
  key: string;
  service: ObjectKey;
  serviceName: string;
  node: ObjectKey;
  nodePort: number;
  x: number;
  y: number;
}

export interface SceneLink {
  key: string;
  from: ObjectKey;
  to: ObjectKey;
  path: string;
}

export interface SceneSizes {
  lot: { w: number; h: number; gap: number };
  /** A few pods a district (the lesson's 1–3): one lot a row, the building on its left and its whole name beside
   * it, up to `upTo` pods a district. */
  wideLot?: { w: number; h: number; upTo: number };
  district: { pad: number; header: number; gap: number; maxPerRow: number; minWidth: number };
  landmark: { w: number; h: number; gap: number };
  side: { w: number; tower: number; crew: number; workload: number; gap: number };
  gate: { w: number; h: number };
  band: number;
}

export interface SceneLayout {
  districts: Placed<SceneNode>[];
  lots: PlacedPod[];
  waiting?: Box;
  landmarks: Placed<SceneService>[];
  gates: Gate[];
  towers: Placed<SceneCronJob>[];
  crews: Placed<SceneJob>[];
  workloads: Placed<SceneWorkload>[];
  links: SceneLink[];
  /** The city wall / mall walls / park fence: everything inside the cluster. */
  inside: Box;
  bounds: Box;
  /** Few pods a node: names fit under every house. */
  labelled: boolean;
  /** Lot columns in every district (pass it back as `previousColumns`); 1 is the wide lots. */
  columns: number;
}

/** Lot columns in a district: one wide lot a row up to `wideUpTo` pods, else a square grid of at least two. Given
 * the columns in use (`previous`), fewer are taken only once one more pod would still fit them, so a pod coming and
 * going at the edge does not reflow every district. */
export function lotColumns(maxPods: number, wideUpTo = 0, previous?: number): number {
  const columnsFor = (n: number) => (n <= wideUpTo ? 1 : Math.max(2, Math.ceil(Math.sqrt(n))));
  const target = columnsFor(maxPods);
  if (previous !== undefined && previous > target && columnsFor(maxPods + 1) >= previous) return previous;
  return target;
}

/** Where the building is drawn in its lot: the lot itself, or the square on the left of a wide lot. */
export function buildingBox(lot: Box): Box {
  return lot.w > lot.h * 2 ? { x: lot.x, y: lot.y, w: lot.h, h: lot.h } : lot;
}

/** The groups SlotMemory keeps each pod's lot in: one per node, '' for the waiting field. */
export function lotGroups(scene: Scene): Map<string, string[]> {
  const groups = new Map<string, string[]>([['', scene.pending.map((p) => p.key)]]);
  for (const n of scene.nodes) groups.set(n.name, n.pods.map((p) => p.key));
  return groups;
}

/** Lays the scene out; given the frame it is drawn in, districts go as many to a row as make the whole scene
 * largest once fitted to that frame (a wide projector gets one long row, a narrow window a square block). */
export function layoutScene(scene: Scene, slots: Map<string, number>, S: SceneSizes, frame?: { w: number; h: number }, previousColumns?: number): SceneLayout {
  const most = Math.max(1, Math.min(scene.nodes.length, S.district.maxPerRow + 3));
  const maxPods = Math.max(1, ...scene.nodes.map((n) => highestLot(n.pods, slots)));
  const columns = lotColumns(maxPods, S.wideLot?.upTo ?? 0, previousColumns);
  if (!frame || frame.w <= 0 || frame.h <= 0 || most === 1) return layoutRows(scene, slots, S, columns);
  let best = 1;
  let bestScale = 0;
  for (let perRow = 1; perRow <= most; perRow++) {
    // Only the bounds matter here: the links are drawn for the chosen layout alone.
    const layout = layoutRows(scene, slots, { ...S, district: { ...S.district, maxPerRow: perRow } }, columns, false);
    // The waiting field comes and goes with each pod that waits a moment: it does not choose the rows.
    const waitingH = layout.waiting ? layout.waiting.h + S.district.gap : 0;
    const scale = Math.min(frame.w / layout.bounds.w, frame.h / Math.max(1, layout.bounds.h - waitingH));
    // A longer row must do 2 % better to be chosen: near-ties keep the squarer block.
    if (scale > bestScale * 1.02) {
      best = perRow;
      bestScale = scale;
    }
  }
  return layoutRows(scene, slots, { ...S, district: { ...S.district, maxPerRow: best } }, columns);
}

function highestLot(pods: ScenePod[], slots: Map<string, number>): number {
  return pods.reduce((m, p, i) => Math.max(m, (slots.get(p.key) ?? i) + 1), 0);
}

function layoutRows(scene: Scene, slots: Map<string, number>, S: SceneSizes, columns: number, withLinks = true): SceneLayout {
  const slotOf = (p: ScenePod, i: number) => slots.get(p.key) ?? i;
  const highest = (pods: ScenePod[]) => highestLot(pods, slots);
  const maxPods = Math.max(1, ...scene.nodes.map((n) => highest(n.pods)));
  const { district: D, landmark: L, side } = S;
  const lot = columns === 1 && S.wideLot ? { ...S.wideLot, gap: S.lot.gap } : S.lot;
  const districtW = Math.max(D.minWidth, D.pad * 2 + columns * lot.w + (columns - 1) * lot.gap);
  const perRow = Math.min(D.maxPerRow, Math.max(1, scene.nodes.length));
  const mainW = perRow * districtW + (perRow - 1) * D.gap;

  // Landmarks in a column on the left (a projector is wide): the LoadBalancers' entrances first, the in-cluster
  // services, then the ExternalName signposts.
  const order = { LoadBalancer: 0, NodePort: 1, ClusterIP: 2, ExternalName: 3 } as const;
  const services = [...scene.services].sort((a, b) => order[a.type] - order[b.type]);
  // As many a column as the districts are tall (one column beside them rather than a second one of one or two).
  const gateBand = services.some((s) => s.type === 'NodePort' || s.type === 'LoadBalancer') ? S.gate.h + 50 : 0;
  let mainH = gateBand - D.gap;
  for (let r = 0; r * perRow < scene.nodes.length; r++) {
    const rows = Math.max(1, ...scene.nodes.slice(r * perRow, (r + 1) * perRow).map((n) => podRows(highest(n.pods), columns)));
    mainH += D.gap + D.header + rows * lot.h + (rows - 1) * lot.gap + D.pad;
  }
  const perColumn = Math.max(4, Math.ceil(Math.sqrt(services.length * 3)), Math.floor((mainH + L.gap) / (L.h + L.gap)));
  const landmarkColumns = Math.ceil(services.length / perColumn);
  const landmarks: Placed<SceneService>[] = services.map((s, i) => ({ item: s, x: Math.floor(i / perColumn) * (L.w + L.gap), y: (i % perColumn) * (L.h + L.gap), w: L.w, h: L.h }));
  const x0 = landmarkColumns ? landmarkColumns * (L.w + L.gap) - L.gap + S.band : 0;
  // Room above the first row of districts for the gates' number signs.
  let y = gateBand;

  const districts: Placed<SceneNode>[] = [];
  const lots: PlacedPod[] = [];
  const gates: Gate[] = [];
  const gated = services.filter((s) => s.type === 'NodePort' || s.type === 'LoadBalancer');
  for (let r = 0; r * perRow < scene.nodes.length; r++) {
    const row = scene.nodes.slice(r * perRow, (r + 1) * perRow);
    // A large district keeps room for one more house: a pod coming and going (a CronJob's) does not resize it.
    const rows = Math.max(1, ...row.map((n) => podRows(highest(n.pods), columns)));
    const h = D.header + rows * lot.h + (rows - 1) * lot.gap + D.pad;
    row.forEach((node, i) => {
      const x = x0 + i * (districtW + D.gap);
      districts.push({ item: node, x, y, w: districtW, h });
      node.pods.forEach((pod, j) => {
        const slot = slotOf(pod, j);
        lots.push({ item: pod, group: node.name, x: x + D.pad + (slot % columns) * (lot.w + lot.gap), y: y + D.header + Math.floor(slot / columns) * (lot.h + lot.gap), w: lot.w, h: lot.h });
      });
      // One numbered gate per NodePort (and LoadBalancer) service in every district's wall.
      const span = districtW - 2 * D.pad;
      gated.forEach((s, g) => {
        const nodePort = s.ports.find((p) => p.nodePort)?.nodePort ?? 0;
        gates.push({ key: `${s.key}@${node.key}`, service: s.key, serviceName: s.name, node: node.key, nodePort, x: x + D.pad + ((g + 0.5) * span) / Math.max(1, gated.length), y });
      });
    });
    y += h + D.gap;
  }
  y -= D.gap;

  let waiting: Box | undefined;
  if (scene.pending.length) {
    y += D.gap;
    const perLot = Math.max(1, Math.floor((mainW - 2 * D.pad + lot.gap) / (lot.w + lot.gap)));
    const lines = Math.ceil(highest(scene.pending) / perLot);
    waiting = { x: x0, y, w: mainW, h: D.header * 0.6 + lines * (lot.h + lot.gap) - lot.gap + D.pad };
    scene.pending.forEach((pod, j) => {
      const slot = slotOf(pod, j);
      lots.push({ item: pod, group: '', x: x0 + D.pad + (slot % perLot) * (lot.w + lot.gap), y: waiting!.y + D.header * 0.6 + Math.floor(slot / perLot) * (lot.h + lot.gap), w: lot.w, h: lot.h });
    });
    y = waiting.y + waiting.h;
  }

  // The side column: a clock tower per CronJob with its crews (Jobs) under it, stand-alone Jobs, then other workloads.
  const sx = x0 + mainW + S.band;
  let sy = 0;
  const towers: Placed<SceneCronJob>[] = [];
  const crews: Placed<SceneJob>[] = [];
  const workloads: Placed<SceneWorkload>[] = [];
  const crewOf = (j: SceneJob) => {
    crews.push({ item: j, x: sx + side.gap, y: sy, w: side.w - side.gap, h: side.crew });
    sy += side.crew + side.gap;
  };
  for (const c of scene.cronJobs) {
    towers.push({ item: c, x: sx, y: sy, w: side.w, h: side.tower });
    sy += side.tower + side.gap;
    for (const j of scene.jobs) if (j.cronJob === c.key) crewOf(j);
  }
  for (const j of scene.jobs) if (!j.cronJob || !scene.cronJobs.some((c) => c.key === j.cronJob)) crewOf(j);
  for (const w of scene.workloads) {
    workloads.push({ item: w, x: sx, y: sy, w: side.w, h: side.workload });
    sy += side.workload + side.gap;
  }
  const hasSide = towers.length + crews.length + workloads.length > 0;
  const width = hasSide ? sx + side.w : x0 + mainW;

  const lotBox = new Map(lots.map((l) => [l.item.key, l]));
  const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const links: SceneLink[] = [];
  for (const l of withLinks ? landmarks : []) {
    if (l.item.type === 'ExternalName') continue;
    if (l.item.type === 'LoadBalancer') {
      for (const g of gates) if (g.service === l.item.key) links.push({ key: `${l.item.key}→${g.key}`, from: l.item.key, to: g.key, path: link({ source: [l.x + l.w, l.y + l.h / 2], target: [g.x, g.y - 50] }) ?? '' });
    }
    for (const podKey of l.item.endpointPods) {
      const p = lotBox.get(podKey);
      if (p) links.push({ key: `${l.item.key}→${podKey}`, from: l.item.key, to: podKey, path: (link({ source: [l.x + l.w, l.y + l.h / 2], target: [p.x, p.y + p.h * 0.3] }) ?? '') });
    }
  }
  const inside = { x: -D.pad, y: -D.pad, w: x0 + mainW + 2 * D.pad, h: Math.max(y, landmarks.reduce((m, l) => Math.max(m, l.y + l.h), 0)) + 2 * D.pad };
  const height = Math.max(inside.h - 2 * D.pad, sy - side.gap);
  return {
    districts,
    lots,
    waiting,
    landmarks,
    gates,
    towers,
    crews,
    workloads,
    links,
    inside,
    bounds: { x: -D.pad - 10, y: -D.pad - 10, w: width + 2 * D.pad + 20, h: height + 2 * D.pad + 20 },
    labelled: maxPods <= 16,
    columns,
  };
}
