// The renderer's copy of the world: a snapshot, then one diff per frame. Objects are replaced, never mutated,
// so `$derived` computations see each change.
import type { KubeObject } from '../../../src/api/meta';
import type { CronJobClock, Playback, WorldDiff, WorldSnapshot } from '../../../src/host/api';
import { keyOf, objectKey, type ObjectKey } from '../view/object-key';

export class WorldState {
  objects = $state.raw<ReadonlyMap<ObjectKey, KubeObject>>(new Map());
  time = $state('');
  playback = $state.raw<Playback>({ playing: false, speed: 1 });
  nextEventTime = $state<string | undefined>(undefined);
  cluster = $state.raw<WorldSnapshot['cluster'] | undefined>(undefined);
  /** One clock per CronJob (next runs, the controller's decisions). */
  cronJobs = $state.raw<CronJobClock[]>([]);
  ready = $state(false);
  /** Bumped when the whole world is replaced (new or opened session): the files are read again. */
  generation = $state(0);

  list = $derived([...this.objects.values()]);

  load(snapshot: WorldSnapshot): void {
    this.objects = new Map(snapshot.objects.map((o) => [objectKey(o), o]));
    this.time = snapshot.time;
    this.playback = snapshot.playback;
    this.nextEventTime = snapshot.nextEventTime;
    this.cluster = snapshot.cluster;
    this.cronJobs = snapshot.cronJobs ?? [];
    this.ready = true;
  }

  apply(diff: WorldDiff): void {
    if (diff.added.length || diff.updated.length || diff.removed.length || diff.replaced) {
      const next = diff.replaced ? new Map<ObjectKey, KubeObject>() : new Map(this.objects);
      for (const r of diff.removed) next.delete(keyOf(r.kind, r.namespace, r.name));
      for (const o of diff.added) next.set(objectKey(o), o);
      for (const o of diff.updated) next.set(objectKey(o), o);
      this.objects = next;
    }
    if (diff.replaced) this.generation++;
    this.time = diff.time;
    if (diff.playback.playing !== this.playback.playing || diff.playback.speed !== this.playback.speed) this.playback = diff.playback;
    this.nextEventTime = diff.nextEventTime;
    if (diff.cronJobs && (diff.cronJobs.length || this.cronJobs.length)) this.cronJobs = diff.cronJobs;
  }

  get(key: ObjectKey): KubeObject | undefined {
    return this.objects.get(key);
  }

  /** Names of objects of a Kind (in `namespace` for namespaced kinds), sorted. */
  names(kind: string, namespace = 'default'): string[] {
    const names: string[] = [];
    for (const o of this.objects.values()) {
      if (o.kind !== kind) continue;
      if (o.metadata.namespace !== undefined && o.metadata.namespace !== namespace) continue;
      names.push(o.metadata.name ?? '');
    }
    return names.sort();
  }
}
