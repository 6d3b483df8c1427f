// Picks the host: Electron's preload when present, otherwise a Web Worker running the engine (browser mode).
import type { KubevilleApi } from '../../../src/host/api';
import { createWorkerApi } from './worker-api';

export type HostKind = 'electron' | 'browser';

export function connect(): { api: KubevilleApi; host: HostKind } {
  if (window.kubeville) return { api: window.kubeville, host: 'electron' };
  const worker = new Worker(new URL('../worker/session.worker.ts', import.meta.url), { type: 'module', name: 'kubeville-session' });
  return { api: createWorkerApi(worker), host: 'browser' };
}
