// Electron main: one window, one Session, a play loop that sends one squashed diff per frame.
/// <reference types="vite/client" />
import { app, BrowserWindow, clipboard, dialog, ipcMain } from 'electron';
import { Session } from '../src/host/session';
import { DIFF_CHANNEL } from './ipc-channels';
import { registerApiHandlers } from './ipc';
import { hostStrings } from './host-strings';
import { installMenu } from './menu';
import { hardenApp } from './security';
import { SessionFiles } from './session-files';
import { filesFromGlob, SessionHost, wallClockMinute } from './session-host';
import { createMainWindow, isOwnFrame } from './window';
import { fileAutosave } from './autosave-file';
import { workspaceDisk } from './workspace-disk';
import { join } from 'node:path';
import { connectTerminalMessage, TerminalConnection } from './terminal-connection';

/** How often the play loop runs (ms): about 20 frames a second. */
const FRAME_MS = 50;

const lessonFiles = filesFromGlob(import.meta.glob<string>('../assets/lessons/services-and-cronjobs/files/*.yaml', { query: '?raw', import: 'default', eager: true }));

let win: BrowserWindow | undefined;

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(() => {
    hardenApp();
    const t = hostStrings(app.getLocale());
    const host = new SessionHost(new Session({ start: wallClockMinute(Date.now()) }, lessonFiles), {
      emit: (diff) => {
        if (win && !win.isDestroyed()) win.webContents.send(DIFF_CHANNEL, diff);
      },
      startTime: () => wallClockMinute(Date.now()),
      autosave: fileAutosave(() => join(app.getPath('userData'), 'autosave.kubeville.json')),
      disk: workspaceDisk(() => win),
    });
    registerApiHandlers(ipcMain, host.calls, (event) => isOwnFrame(win, event.senderFrame?.url, event.sender.id));
    const files = new SessionFiles(host, () => win, t);
    const terminal = new TerminalConnection(() => host.session, () => app.getPath('userData'));
    app.on('will-quit', () => void terminal.stop());
    installMenu(files, () => win, t, () => void connectTerminal(terminal, t));

    win = createMainWindow('Kubeville');
    win.on('closed', () => (win = undefined));

    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      host.frame(now - last);
      last = now;
    }, FRAME_MS);
  });

  app.on('window-all-closed', () => app.quit());
}

/** File → Connect a Terminal…: serves the app's session and shows the KUBECONFIG line, with a button to copy it. */
async function connectTerminal(terminal: TerminalConnection, t: ReturnType<typeof hostStrings>): Promise<void> {
  const show = (options: Electron.MessageBoxOptions) => (win && !win.isDestroyed() ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  try {
    const { url, kubeconfig } = await terminal.connect();
    const m = connectTerminalMessage(url, kubeconfig, process.platform, t);
    const { response } = await show({ type: 'info', title: t('connectTerminal'), message: m.message, detail: m.detail, buttons: [t('copy'), t('ok')], defaultId: 0, cancelId: 1 });
    if (response === 0) clipboard.writeText(m.line);
  } catch (e) {
    await show({ type: 'error', title: t('connectTerminal'), message: t('connectFailed'), detail: (e as Error).message });
  }
}

main();
