// The one Kubeville window: sandboxed, isolated, its own content only (no navigation, no new windows).
import { BrowserWindow, screen, shell } from 'electron';
import { join } from 'node:path';

/** Designed for 1920×1080 (a projector); still usable at 1280×720. */
const DESIGN = { width: 1920, height: 1080, minWidth: 1280, minHeight: 720 };

export function createMainWindow(title: string): BrowserWindow {
  const work = screen.getPrimaryDisplay().workAreaSize;
  const win = new BrowserWindow({
    title,
    width: Math.min(DESIGN.width, work.width),
    height: Math.min(DESIGN.height, work.height),
    minWidth: Math.min(DESIGN.minWidth, work.width),
    minHeight: Math.min(DESIGN.minHeight, work.height),
    backgroundColor: '#0f172a',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());

  // Our page only: a link to the outside opens in the user's browser, anything else is refused.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://kubernetes.io/')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());

  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

/** True when an IPC message comes from the main frame of our window, showing our own page. */
export function isOwnFrame(win: BrowserWindow | undefined, frameUrl: string | undefined, senderId: number): boolean {
  if (!win || win.isDestroyed() || win.webContents.id !== senderId || !frameUrl) return false;
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  return frameUrl.startsWith('file://') || (devUrl !== undefined && frameUrl.startsWith(devUrl));
}
