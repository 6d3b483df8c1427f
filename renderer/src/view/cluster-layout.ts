// View model → positions, in layout units (1 unit = 1 CSS px at zoom 1). Pure: the same model and slots give
// the same layout. D3 does the link geometry; Svelte draws.
import { linkVertical } from 'd3';
import type { ClusterModel, NodeView, PodView, ServiceView, WorkloadView } from './cluster-model';
import type { StringKey } from '../i18n/strings';
import { cardHeight, fontUnits } from './label-fit';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface LaidNode extends Box {
  node: NodeView;
}
export interface LaidPod extends Box {
  pod: PodView;
  /** The node's name, or '' for a pod waiting for one. */
  group: string;
}
export interface LaidService extends Box {
  service: ServiceView;
}
export interface LaidWorkload extends Box {
  workload: WorkloadView;
}
export interface Link {
  key: string;
  service: string;
  pod: string;
  path: string;
}
export interface SectionLabel {
  label: StringKey;
  x: number;
  y: number;
}
export interface ClusterLayout {
  nodes: LaidNode[];
  pods: LaidPod[];
  services: LaidService[];
  workloads: LaidWorkload[];
  links: Link[];
  sections: SectionLabel[];
  pendingZone?: Box;
  bounds: Box;
  /** Pod columns in every node (pass it back as `previousColumns` to keep them while a node's pods come and go). */
  columns: number;
}

/** Sizes, in layout units. */
export const SIZES = {
  pod: { w: 260, h: 58, gap: 12 },
  node: { pad: 20, header: 166, gap: 40, minColumns: 1, minWidth: 480, maxPerRow: 3 },
  service: { w: 355, h: 92, gap: 16 },
  workload: { w: 360, h: 60, gap: 16 },
  section: { label: 40, gap: 36 },
  minWidth: 900,
} as const;

/** Pod cards as wide as a full name at 18 px when a node holds few pods (the lesson's 1–3): one card a row, as wide
 * as the node; two a row up to POD_WIDE.twoUpTo; the dense grid beyond. Width per column count. */
export const POD_WIDE = { oneUpTo: 6, twoUpTo: 12, w: [0, 560, 400] as readonly number[] } as const;

/** Pod columns inside every node: one or two wide cards a row for a few pods, else enough that a node stays roughly
 * as wide as it is tall. Given the columns in use (`previous`), fewer are taken only once one more pod would still fit
 * them: a pod coming and going at the edge does not reflow every node. */
export function podColumns(maxPodsOnANode: number, previous?: number): number {
  const columnsFor = (n: number) => (n <= POD_WIDE.oneUpTo ? 1 : n <= POD_WIDE.twoUpTo ? 2 : Math.max(3, Math.ceil(Math.sqrt(n / 2.2))));
  const target = columnsFor(maxPodsOnANode);
  if (previous !== undefined && previous > target && columnsFor(maxPodsOnANode + 1) >= previous) return previous;
  return target;
}

/** A pod card's width with `columns` a row. */
export function podWidth(columns: number): number {
  return POD_WIDE.w[columns] ?? SIZES.pod.w;
}

/** From this many pods a node, it keeps room for one more (see podRows). */
const SPARE_FROM = 12;

/** Rows of pods in a node (or a metaphor's district) whose highest slot is `highestSlot` - 1. A large node always has
 * room for one more pod, so that a pod coming and going on a full node (a CronJob's, every minute) does not resize
 * it and move every node, pod and link below; a small one fits its pods (a spare row would be much of its height). */
export function podRows(highestSlot: number, columns: number): number {
  if (highestSlot < SPARE_FROM) return Math.max(1, Math.ceil(highestSlot / columns));
  return Math.floor(highestSlot / columns) + 1;
}

/** Lays items of one size in rows that wrap at `width`. */
function wrapRow<T>(items: T[], y: number, width: number, w: number, h: number, gap: number): { boxes: (Box & { item: T })[]; bottom: number } {
  const perRow = Math.max(1, Math.floor((width + gap) / (w + gap)));
  const boxes = items.map((item, i) => ({ item, x: (i % perRow) * (w + gap), y: y + Math.floor(i / perRow) * (h + gap), w, h }));
  const rows = Math.ceil(items.length / perRow);
  return { boxes, bottom: y + rows * (h + gap) - gap };
}

/** The frame a layout is drawn in, and what is drawn around the layout (in layout units) once fitted to it. */
export interface ClusterFrame {
  w: number;
  h: number;
  around?: { w: number; h: number };
}

/** `slots`: each pod's slot in its node (or in the waiting zone), from SlotMemory. Given the frame it is drawn in,
 * nodes go as many to a row as make the whole view largest once fitted to it (its labels with it): a wide stage
 * gets one long row, a narrow one a block. */
/** `zoom`: the zoom the view's labels are sized for (view/label-fit.ts); zoomed far out, pod, workload and service
 * cards grow taller so that their name, at 18 px on screen, stays inside them. */
export function layoutCluster(model: ClusterModel, slots: Map<string, number>, frame?: ClusterFrame, previousColumns?: number, zoom = 1): ClusterLayout {
  const most = model.nodes.length;
  const columns = podColumns(Math.max(1, ...model.nodes.map((n) => highestSlot(n.pods, slots))), previousColumns);
  if (!frame || frame.w <= 0 || frame.h <= 0 || most <= 1) return layoutRows(model, slots, SIZES.node.maxPerRow, columns, zoom);
  const around = frame.around ?? { w: 0, h: 0 };
  let best = 1;
  let bestScale = 0;
  for (let perRow = 1; perRow <= most; perRow++) {
    const { bounds } = layoutRows(model, slots, perRow, columns, zoom);
    const scale = Math.min(frame.w / (bounds.w + around.w), frame.h / (bounds.h + around.h));
    // A longer row must do 2 % better to be chosen: near-ties keep the squarer block.
    if (scale > bestScale * 1.02) {
      best = perRow;
      bestScale = scale;
    }
  }
  return layoutRows(model, slots, best, columns, zoom);
}

function highestSlot(pods: PodView[], slots: Map<string, number>): number {
  return pods.reduce((m, p, i) => Math.max(m, (slots.get(p.key) ?? i) + 1), 0);
}

function layoutRows(model: ClusterModel, slots: Map<string, number>, maxPerRow: number, columns: number, zoom: number): ClusterLayout {
  const { node: N, section } = SIZES;
  // Cards as tall as their name needs (Pods/Workloads/Services.svg.svelte: the name's design size and the room kept
  // around it), the workload's kind chip (design 16, 1.2 lines) included.
  const P = { ...SIZES.pod, w: podWidth(columns), h: cardHeight(SIZES.pod.h, 20, zoom, 8) };
  const W = { ...SIZES.workload, h: Math.max(cardHeight(SIZES.workload.h, 19, zoom, 6), Math.ceil(fontUnits(16, zoom) * 1.2) + 12) };
  const S = { ...SIZES.service, h: cardHeight(SIZES.service.h, 23, zoom, 12) };
  const slotOf = (p: PodView, i: number) => slots.get(p.key) ?? i;
  const highest = (pods: PodView[]) => highestSlot(pods, slots);

  const nodeW = Math.max(N.minWidth, N.pad * 2 + columns * P.w + (columns - 1) * P.gap);
  const perRow = Math.min(maxPerRow, Math.max(1, model.nodes.length));
  const width = Math.max(SIZES.minWidth, perRow * nodeW + (perRow - 1) * N.gap);

  const sections: SectionLabel[] = [];
  let y = 0;

  const workloads: LaidWorkload[] = [];
  if (model.workloads.length) {
    sections.push({ label: 'view.workloads', x: 0, y });
    const row = wrapRow(model.workloads, y + section.label, width, W.w, W.h, W.gap);
    for (const b of row.boxes) workloads.push({ x: b.x, y: b.y, w: b.w, h: b.h, workload: b.item });
    y = row.bottom + section.gap;
  }

  const services: LaidService[] = [];
  if (model.services.length) {
    sections.push({ label: 'view.services', x: 0, y });
    const row = wrapRow(model.services, y + section.label, width, S.w, S.h, S.gap);
    for (const b of row.boxes) services.push({ x: b.x, y: b.y, w: b.w, h: b.h, service: b.item });
    // Room for the links to fan out before they reach the nodes.
    y = row.bottom + section.gap * 2.5;
  }

  const nodes: LaidNode[] = [];
  const pods: LaidPod[] = [];
  for (let r = 0; r * perRow < model.nodes.length; r++) {
    const rowNodes = model.nodes.slice(r * perRow, (r + 1) * perRow);
    const rows = Math.max(...rowNodes.map((n) => podRows(highest(n.pods), columns)));
    const nodeH = N.header + rows * P.h + (rows - 1) * P.gap + N.pad;
    rowNodes.forEach((node, i) => {
      const x = i * (nodeW + N.gap);
      nodes.push({ x, y, w: nodeW, h: nodeH, node });
      node.pods.forEach((pod, j) => {
        const slot = slotOf(pod, j);
        pods.push({ pod, group: node.name, x: x + N.pad + (slot % columns) * (P.w + P.gap), y: y + N.header + Math.floor(slot / columns) * (P.h + P.gap), w: P.w, h: P.h });
      });
    });
    y += nodeH + N.gap;
  }

  let pendingZone: Box | undefined;
  if (model.pending.length) {
    y += section.gap - N.gap;
    sections.push({ label: 'view.pending', x: 0, y });
    const top = y + section.label;
    const perLine = Math.max(1, Math.floor((width - 2 * N.pad + P.gap) / (P.w + P.gap)));
    const lines = Math.ceil(highest(model.pending) / perLine);
    pendingZone = { x: 0, y: top, w: width, h: N.pad * 2 + lines * P.h + (lines - 1) * P.gap };
    model.pending.forEach((pod, j) => {
      const slot = slotOf(pod, j);
      pods.push({ pod, group: '', x: N.pad + (slot % perLine) * (P.w + P.gap), y: top + N.pad + Math.floor(slot / perLine) * (P.h + P.gap), w: P.w, h: P.h });
    });
    y = pendingZone.y + pendingZone.h + N.gap;
  }

  const podBox = new Map(pods.map((p) => [p.pod.key, p]));
  const link = linkVertical<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const links: Link[] = [];
  for (const s of services) {
    for (const podKey of s.service.endpointPods) {
      const p = podBox.get(podKey);
      if (!p) continue;
      const path = link({ source: [s.x + s.w / 2, s.y + s.h], target: [p.x + p.w / 2, p.y] });
      if (path) links.push({ key: `${s.service.key}→${podKey}`, service: s.service.key, pod: podKey, path });
    }
  }

  return { nodes, pods, services, workloads, links, sections, pendingZone, bounds: { x: 0, y: 0, w: width, h: Math.max(y - N.gap, 1) }, columns };
}
