// The IPC channel names between the Electron main process and the preload, declared once.
import type { KubevilleApi } from '../src/host/api';

/** One channel per API call (request/response over ipcRenderer.invoke). */
export const API_CHANNELS = {
  getWorld: 'kubeville:get-world',
  run: 'kubeville:run',
  advance: 'kubeville:advance',
  advanceToNextEvent: 'kubeville:advance-to-next-event',
  setPlayback: 'kubeville:set-playback',
  listFiles: 'kubeville:list-files',
  writeFile: 'kubeville:write-file',
  deleteFile: 'kubeville:delete-file',
  newSession: 'kubeville:new-session',
  saveSession: 'kubeville:save-session',
  openSession: 'kubeville:open-session',
} as const satisfies Record<Exclude<keyof KubevilleApi, 'onDiff'>, string>;

/** Main → renderer: one squashed WorldDiff per frame. */
export const DIFF_CHANNEL = 'kubeville:diff';

export type ApiCallName = keyof typeof API_CHANNELS;
