// The messages between the renderer and the browser-mode Web Worker: the KubevilleApi over postMessage.
import type { KubevilleApi, WorldDiff } from '../../../src/host/api';

export type CallName = Exclude<keyof KubevilleApi, 'onDiff'>;

/** Renderer → worker: call `name` with `args`; the answer carries the same id. */
export type WorkerRequest = { [K in CallName]: { id: number; name: K; args: Parameters<KubevilleApi[K]> } }[CallName];

/** Worker → renderer: an answer, a failure, or a diff pushed by the play loop. */
export type WorkerMessage =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'diff'; diff: WorldDiff };
