// File → New / Open… / Save / Save As…: `.kubeville` JSON documents on disk, through native dialogs.
import { app, dialog, type BrowserWindow } from 'electron';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HostStringKey } from './host-strings';
import type { SessionHost } from './session-host';

type Strings = (key: HostStringKey, params?: Record<string, string>) => string;

export const SESSION_EXTENSION = 'kubeville';

export class SessionFiles {
  /** The file the session was last opened from or saved to. */
  path: string | undefined;

  constructor(
    private host: SessionHost,
    private window: () => BrowserWindow | undefined,
    private t: Strings,
  ) {}

  private filters() {
    return [{ name: this.t('sessionFiles'), extensions: [SESSION_EXTENSION] }];
  }

  private updateTitle(): void {
    const win = this.window();
    if (win && !win.isDestroyed()) win.setTitle(this.path ? `${basename(this.path)} — Kubeville` : 'Kubeville');
  }

  async newSession(): Promise<void> {
    const win = this.window();
    const options = { type: 'question' as const, buttons: [this.t('newButton'), this.t('cancel')], defaultId: 0, cancelId: 1, message: this.t('newConfirm') };
    const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    if (answer.response !== 0) return;
    this.host.calls.newSession({});
    this.path = undefined;
    this.updateTitle();
  }

  async open(): Promise<void> {
    const win = this.window();
    const options = { properties: ['openFile' as const], filters: this.filters() };
    const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = picked.filePaths[0];
    if (picked.canceled || !path) return;
    let result;
    try {
      result = this.host.calls.openSession(await readFile(path, 'utf8'));
    } catch (e) {
      result = { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
    if (!result.ok) {
      await this.showError(this.t('openFailed'), this.t('openFailedDetail', { reason: capitalize(result.error) }), path);
      return;
    }
    this.path = path;
    app.addRecentDocument(path);
    this.updateTitle();
  }

  async save(): Promise<void> {
    if (!this.path) return this.saveAs();
    await this.writeTo(this.path);
  }

  async saveAs(): Promise<void> {
    const win = this.window();
    const options = { defaultPath: this.path ?? `session.${SESSION_EXTENSION}`, filters: this.filters() };
    const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (picked.canceled || !picked.filePath) return;
    const path = picked.filePath.endsWith(`.${SESSION_EXTENSION}`) ? picked.filePath : `${picked.filePath}.${SESSION_EXTENSION}`;
    if (await this.writeTo(path)) {
      this.path = path;
      this.updateTitle();
    }
  }

  /** Writes beside the target then renames, so a failed save never leaves half a file. */
  private async writeTo(path: string): Promise<boolean> {
    try {
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, this.host.calls.saveSession(), 'utf8');
      await rename(temporary, path);
      return true;
    } catch (e) {
      await this.showError(this.t('saveFailed'), e instanceof Error ? e.message : String(e), path);
      return false;
    }
  }

  private async showError(message: string, detail: string, path: string): Promise<void> {
    const win = this.window();
    const options = { type: 'error' as const, title: basename(path), message, detail };
    if (win) await dialog.showMessageBox(win, options);
    else await dialog.showMessageBox(options);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
