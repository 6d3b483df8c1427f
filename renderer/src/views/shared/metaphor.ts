// What makes a metaphor: its word and its art for each kind of object, its sizes, its legend and its honest
// captions. Each metaphor (city/, mall/, park/) declares one; `metaphorElements` maps a scene onto it. Pure.
import type { StringKey } from '../../i18n/strings';
import type { ObjectKey } from '../../view/object-key';
import { sceneObjects, type Scene, type SceneObject, type SceneService, type ServiceType } from './scene';
import type { SceneSizes } from './scene-layout';

export type MetaphorId = 'city' | 'mall' | 'park';
export type WordedKind = 'Node' | 'Pod' | 'Container' | 'CronJob' | 'Job' | 'Workload' | ServiceType;

export interface MetaphorArt {
  pod: string;
  container: string;
  service: Record<ServiceType, string>;
  /** A small mark beside a ClusterIP landmark (lock, back door, no-entry fence). */
  inside: string;
  /** The NodePort's gate in each district (gate, car-park stand, employee's sign). */
  gate: string;
  cronJob: string;
  job: string;
  workload: string;
}

export interface Metaphor {
  id: MetaphorId;
  title: StringKey;
  words: Record<WordedKind, StringKey>;
  gateWord: StringKey;
  waiting: StringKey;
  inside: StringKey;
  art: MetaphorArt;
  sizes: SceneSizes;
  /** Legend lines: the lesson's own sentences. */
  legend: StringKey[];
  /** Where the picture bends the truth, said gently. */
  truths: StringKey[];
}

export interface MetaphorElement {
  object: SceneObject;
  word: StringKey;
  art: string;
}

function wordedKind(o: SceneObject): WordedKind {
  if (o.kind === 'Service') return (o as SceneService).type;
  if (o.kind === 'Node' || o.kind === 'Pod' || o.kind === 'Container' || o.kind === 'CronJob' || o.kind === 'Job') return o.kind;
  return 'Workload';
}

function artOf(m: Metaphor, o: SceneObject): string {
  switch (o.kind) {
    case 'Pod':
      return m.art.pod;
    case 'Container':
      return m.art.container;
    case 'Service':
      return m.art.service[(o as SceneService).type];
    case 'CronJob':
      return m.art.cronJob;
    case 'Job':
      return m.art.job;
    case 'Node':
      return '';
    default:
      return m.art.workload;
  }
}

/** One element per object of the scene, keyed by the object: a house *is* a pod. */
export function metaphorElements(scene: Scene, m: Metaphor): Map<ObjectKey, MetaphorElement> {
  const out = new Map<ObjectKey, MetaphorElement>();
  for (const o of sceneObjects(scene)) out.set(o.key, { object: o, word: m.words[wordedKind(o)], art: artOf(m, o) });
  return out;
}

/** The word a metaphor has for an object (for tooltips and the legend). */
export function wordFor(m: Metaphor, o: SceneObject): StringKey {
  return m.words[wordedKind(o)];
}
