// A stand-in for the `electron` module in unit tests (the real one downloads a binary when loaded): records what
// the main process and the preload ask of Electron so tests can drive them.
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export function createElectronStandIn() {
  const handlers = new Map<string, Handler>();
  const sent: { channel: string; payload: unknown }[] = [];
  const windows: { options: Record<string, unknown>; loaded?: string }[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  class BrowserWindow {
    options: Record<string, unknown>;
    webContents = {
      id: 7,
      send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
    };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      windows.push({ options });
    }
    once = vi.fn();
    on = vi.fn();
    isDestroyed = () => false;
    isMinimized = () => false;
    setTitle = vi.fn();
    loadFile = (path: string) => {
      windows[windows.length - 1]!.loaded = path;
      return Promise.resolve();
    };
    loadURL = this.loadFile;
  }

  const module = {
    app: {
      requestSingleInstanceLock: () => true,
      on: vi.fn(),
      whenReady: () => whenReady,
      getLocale: () => 'fr-FR',
      getVersion: () => '0.1.0',
      isPackaged: false,
      quit: vi.fn(),
      addRecentDocument: vi.fn(),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, h: Handler) => handlers.set(channel, h), removeHandler: (channel: string) => handlers.delete(channel) },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1080 } }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    shell: { openExternal: vi.fn() },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve(undefined);
      },
      on: vi.fn(),
      removeListener: vi.fn(),
    },
  };

  return { module, handlers, sent, windows, exposed, invoked, ready: () => ready() };
}
