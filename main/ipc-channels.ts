// The IPC channel names between the Electron main process and the preload, declared once.
import type { KubevilleApi } from '../src/host/api';

/** One channel per API call (request/response over ipcRenderer.invoke). */
export const API_CHANNELS = {
  getWorld: 'kubeville:get-world',
  run: 'kubeville:run',
  input: 'kubeville:input',
  advance: 'kubeville:advance',
  advanceToNextEvent: 'kubeville:advance-to-next-event',
  setPlayback: 'kubeville:set-playback',
  listFiles: 'kubeville:list-files',
  writeFile: 'kubeville:write-file',
  deleteFile: 'kubeville:delete-file',
  newSession: 'kubeville:new-session',
  saveSession: 'kubeville:save-session',
  openSession: 'kubeville:open-session',
  listLessons: 'kubeville:list-lessons',
  startLesson: 'kubeville:start-lesson',
  currentLesson: 'kubeville:current-lesson',
  lessonStatus: 'kubeville:lesson-status',
  gotoLessonStep: 'kubeville:goto-lesson-step',
  showMe: 'kubeville:show-me',
  explanations: 'kubeville:explanations',
  validateManifest: 'kubeville:validate-manifest',
  completeManifest: 'kubeville:complete-manifest',
  timeline: 'kubeville:timeline',
  rewindTo: 'kubeville:rewind-to',
  readAutosave: 'kubeville:read-autosave',
  writeAutosave: 'kubeville:write-autosave',
  act: 'kubeville:act',
  openFileFromDisk: 'kubeville:open-file-from-disk',
  saveFileToDisk: 'kubeville:save-file-to-disk',
} as const satisfies Record<Exclude<keyof KubevilleApi, 'onDiff'>, string>;

/** Main → renderer: one squashed WorldDiff per frame. */
export const DIFF_CHANNEL = 'kubeville:diff';

export type ApiCallName = keyof typeof API_CHANNELS;
