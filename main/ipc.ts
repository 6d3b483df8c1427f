// Wires the API channels to the session host: one ipcMain handler per call, named by API_CHANNELS.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CHANNELS, type ApiCallName } from './ipc-channels';
import type { ApiCalls } from './session-host';

/** Registers a handler for every API call; only frames from `isTrusted` (our own window) are answered. */
export function registerApiHandlers(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, calls: ApiCalls, isTrusted: (event: IpcMainInvokeEvent) => boolean): () => void {
  const names = Object.keys(API_CHANNELS) as ApiCallName[];
  for (const name of names) {
    ipc.handle(API_CHANNELS[name], (event, ...args: unknown[]) => {
      if (!isTrusted(event)) throw new Error(`refused ${name}: not the Kubeville window`);
      return (calls[name] as (...a: unknown[]) => unknown)(...args);
    });
  }
  return () => names.forEach((name) => ipc.removeHandler(API_CHANNELS[name]));
}
