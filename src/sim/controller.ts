// What a controller is: a function of what it watches, reconciling one key at a time.
import type { StoreChange } from '../store/object-store';
import type { ApiServer } from '../apiserver/api-server';
import type { EventRecorder } from '../apiserver/event-recorder';
import type { Rng } from './rng';
import type { ClusterConfig } from './cluster-config';

export interface ControllerContext {
  /** Simulated time, ms since the epoch. */
  readonly now: number;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly rng: Rng;
  readonly config: ClusterConfig;
  /** Reconcile `key` again after `delayMs` of simulated time (the workqueue's AddAfter). */
  requeueAfter(key: string, delayMs: number): void;
  /** The controller's own state (JSON only: it is saved in snapshots). */
  readonly state: Record<string, unknown>;
}

export interface Controller {
  readonly name: string;
  /**
   * The kinds whose changes `keysFor` looks at (its informers); `'*'`, or left out, for every kind. The runner shows
   * a change only to the controllers that watch its kind, so `keysFor` must return nothing for any other kind.
   */
  readonly watches?: readonly string[] | '*';
  /** The keys to reconcile after a change in the store (the informers' event handlers). */
  keysFor(change: StoreChange): readonly string[];
  reconcile(key: string, ctx: ControllerContext): void;
}

/** `namespace/name` or `name` for cluster-scoped objects, as controllers key their work queues. */
export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}
