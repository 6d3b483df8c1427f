// The sandboxed preload: exposes the KubevilleApi as `window.kubeville`, named functions only (no ipcRenderer).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KubevilleApi, WorldDiff } from '../src/host/api';
import { API_CHANNELS, DIFF_CHANNEL } from './ipc-channels';

const api: KubevilleApi = {
  getWorld: () => ipcRenderer.invoke(API_CHANNELS.getWorld),
  run: (line) => ipcRenderer.invoke(API_CHANNELS.run, String(line)),
  input: (id, line) => ipcRenderer.invoke(API_CHANNELS.input, Number(id), line === null ? null : String(line)),
  advance: (ms) => ipcRenderer.invoke(API_CHANNELS.advance, Number(ms)),
  advanceToNextEvent: () => ipcRenderer.invoke(API_CHANNELS.advanceToNextEvent),
  setPlayback: (playback) => ipcRenderer.invoke(API_CHANNELS.setPlayback, { playing: Boolean(playback.playing), speed: Number(playback.speed) }),
  listFiles: () => ipcRenderer.invoke(API_CHANNELS.listFiles),
  writeFile: (name, text) => ipcRenderer.invoke(API_CHANNELS.writeFile, String(name), String(text)),
  deleteFile: (name) => ipcRenderer.invoke(API_CHANNELS.deleteFile, String(name)),
  newSession: (options) => ipcRenderer.invoke(API_CHANNELS.newSession, { ...options }),
  saveSession: () => ipcRenderer.invoke(API_CHANNELS.saveSession),
  openSession: (text) => ipcRenderer.invoke(API_CHANNELS.openSession, String(text)),
  listLessons: () => ipcRenderer.invoke(API_CHANNELS.listLessons),
  startLesson: (name) => ipcRenderer.invoke(API_CHANNELS.startLesson, String(name)),
  currentLesson: () => ipcRenderer.invoke(API_CHANNELS.currentLesson),
  lessonStatus: () => ipcRenderer.invoke(API_CHANNELS.lessonStatus),
  gotoLessonStep: (index) => ipcRenderer.invoke(API_CHANNELS.gotoLessonStep, Number(index)),
  showMe: () => ipcRenderer.invoke(API_CHANNELS.showMe),
  explanations: () => ipcRenderer.invoke(API_CHANNELS.explanations),
  validateManifest: (text) => ipcRenderer.invoke(API_CHANNELS.validateManifest, String(text)),
  completeManifest: (text, offset, explicit) => ipcRenderer.invoke(API_CHANNELS.completeManifest, String(text), Number(offset), Boolean(explicit)),
  timeline: () => ipcRenderer.invoke(API_CHANNELS.timeline),
  rewindTo: (time) => ipcRenderer.invoke(API_CHANNELS.rewindTo, String(time)),
  readAutosave: () => ipcRenderer.invoke(API_CHANNELS.readAutosave),
  writeAutosave: (text) => ipcRenderer.invoke(API_CHANNELS.writeAutosave, String(text)),
  openFileFromDisk: () => ipcRenderer.invoke(API_CHANNELS.openFileFromDisk),
  saveFileToDisk: (name) => ipcRenderer.invoke(API_CHANNELS.saveFileToDisk, String(name)),
  act: (action) => ipcRenderer.invoke(API_CHANNELS.act, JSON.parse(JSON.stringify(action))),
  onDiff: (listener) => {
    const wrapped = (_event: IpcRendererEvent, diff: WorldDiff) => listener(diff);
    ipcRenderer.on(DIFF_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(DIFF_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('kubeville', api);
