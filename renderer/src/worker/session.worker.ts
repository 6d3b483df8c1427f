// Browser mode's host: a Session in a Web Worker, answering the KubevilleApi over postMessage, with the same
// play loop as the Electron main process.
/// <reference lib="webworker" />
import { Session } from '../../../src/host/session';
import { filesFromGlob, SessionHost, wallClockMinute } from '../../../main/session-host';
import type { WorkerMessage, WorkerRequest } from '../api/worker-protocol';

/** How often the play loop runs (ms), as in the Electron host. */
const FRAME_MS = 50;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: WorkerMessage) => scope.postMessage(msg);

const lessonFiles = filesFromGlob(import.meta.glob<string>('../../../assets/lessons/services-and-cronjobs/files/*.yaml', { query: '?raw', import: 'default', eager: true }));

const host = new SessionHost(new Session({ start: wallClockMinute(Date.now()) }, lessonFiles), {
  emit: (diff) => post({ type: 'diff', diff }),
  startTime: () => wallClockMinute(Date.now()),
});

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const { id, name, args } = event.data;
  try {
    const value = (host.calls[name] as (...a: unknown[]) => unknown)(...args);
    post({ type: 'result', id, value });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
});

let last = performance.now();
setInterval(() => {
  const now = performance.now();
  host.frame(now - last);
  last = now;
}, FRAME_MS);
