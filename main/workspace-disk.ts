// Open file… / Save file as… for workspace files: Electron's native dialogs and the disk, for the session host.
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WorkspaceDisk } from './session-host';

/** Workspace files are manifests and notes: a bigger file is surely not one. */
export const MAX_WORKSPACE_FILE_BYTES = 1024 * 1024;

const FILTERS = [
  { name: 'YAML', extensions: ['yaml', 'yml'] },
  { name: 'JSON, text', extensions: ['json', 'txt', 'md', 'sh'] },
  { name: '*', extensions: ['*'] },
];

export function workspaceDisk(window: () => BrowserWindow | undefined): WorkspaceDisk {
  const parent = () => {
    const win = window();
    return win && !win.isDestroyed() ? win : undefined;
  };
  return {
    async open() {
      const options: OpenDialogOptions = { properties: ['openFile'], filters: FILTERS };
      const win = parent();
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = picked.filePaths[0];
      if (picked.canceled || !path) return undefined;
      if ((await stat(path)).size > MAX_WORKSPACE_FILE_BYTES) throw new Error(`${basename(path)} is larger than 1 MiB: not a manifest`);
      return { name: basename(path), text: await readFile(path, 'utf8') };
    },
    async save(name, text) {
      const options: SaveDialogOptions = { defaultPath: basename(name), filters: FILTERS };
      const win = parent();
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return false;
      // Beside the target then renamed, so a failed save never leaves half a file.
      const temporary = `${picked.filePath}.${process.pid}.tmp`;
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, picked.filePath);
      return true;
    },
  };
}
