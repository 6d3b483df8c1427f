// Browser mode: the KubevilleApi answered by a Web Worker that runs the Session (same engine as the Electron host).
import type { KubevilleApi, WorldDiff } from '../../../src/host/api';
import type { CallName, WorkerMessage, WorkerRequest } from './worker-protocol';

export function createWorkerApi(worker: Worker): KubevilleApi {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(diff: WorldDiff) => void>();

  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const msg = event.data;
    if (msg.type === 'diff') {
      for (const l of listeners) l(msg.diff);
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.value);
    else p.reject(new Error(msg.message));
  });

  function call<K extends CallName>(name: K, ...args: Parameters<KubevilleApi[K]>): ReturnType<KubevilleApi[K]> {
    const id = nextId++;
    const promise = new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, name, args } as WorkerRequest);
    });
    return promise as ReturnType<KubevilleApi[K]>;
  }

  return {
    getWorld: () => call('getWorld'),
    run: (line) => call('run', line),
    input: (id, line) => call('input', id, line),
    advance: (ms) => call('advance', ms),
    advanceToNextEvent: () => call('advanceToNextEvent'),
    setPlayback: (playback) => call('setPlayback', playback),
    listFiles: () => call('listFiles'),
    writeFile: (name, text) => call('writeFile', name, text),
    deleteFile: (name) => call('deleteFile', name),
    newSession: (options) => call('newSession', options),
    saveSession: () => call('saveSession'),
    openSession: (text) => call('openSession', text),
    listLessons: () => call('listLessons'),
    startLesson: (name) => call('startLesson', name),
    currentLesson: () => call('currentLesson'),
    lessonStatus: () => call('lessonStatus'),
    gotoLessonStep: (index) => call('gotoLessonStep', index),
    showMe: () => call('showMe'),
    explanations: () => call('explanations'),
    validateManifest: (text) => call('validateManifest', text),
    completeManifest: (text, offset, explicit) => call('completeManifest', text, offset, explicit),
    timeline: () => call('timeline'),
    rewindTo: (time) => call('rewindTo', time),
    readAutosave: () => call('readAutosave'),
    writeAutosave: (text) => call('writeAutosave', text),
    act: (action) => call('act', action),
    openFileFromDisk: () => Promise.resolve(undefined), // No disk in browser mode: the files panel uploads instead.
    saveFileToDisk: () => Promise.resolve(false), // … and downloads.
    onDiff: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
