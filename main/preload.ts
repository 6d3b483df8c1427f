// The sandboxed preload: exposes the KubevilleApi as `window.kubeville`, named functions only (no ipcRenderer).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KubevilleApi, WorldDiff } from '../src/host/api';
import { API_CHANNELS, DIFF_CHANNEL } from './ipc-channels';

const api: KubevilleApi = {
  getWorld: () => ipcRenderer.invoke(API_CHANNELS.getWorld),
  run: (line) => ipcRenderer.invoke(API_CHANNELS.run, String(line)),
  advance: (ms) => ipcRenderer.invoke(API_CHANNELS.advance, Number(ms)),
  advanceToNextEvent: () => ipcRenderer.invoke(API_CHANNELS.advanceToNextEvent),
  setPlayback: (playback) => ipcRenderer.invoke(API_CHANNELS.setPlayback, { playing: Boolean(playback.playing), speed: Number(playback.speed) }),
  listFiles: () => ipcRenderer.invoke(API_CHANNELS.listFiles),
  writeFile: (name, text) => ipcRenderer.invoke(API_CHANNELS.writeFile, String(name), String(text)),
  deleteFile: (name) => ipcRenderer.invoke(API_CHANNELS.deleteFile, String(name)),
  newSession: (options) => ipcRenderer.invoke(API_CHANNELS.newSession, { ...options }),
  saveSession: () => ipcRenderer.invoke(API_CHANNELS.saveSession),
  openSession: (text) => ipcRenderer.invoke(API_CHANNELS.openSession, String(text)),
  onDiff: (listener) => {
    const wrapped = (_event: IpcRendererEvent, diff: WorldDiff) => listener(diff);
    ipcRenderer.on(DIFF_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(DIFF_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('kubeville', api);
