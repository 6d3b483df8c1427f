// The Electron host's autosave: one file in userData, written atomically (temp file, then rename), so a crash while
// saving leaves the previous autosave intact.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function fileAutosave(where: () => string): { read(): string | undefined; write(text: string): void } {
  return {
    read() {
      try {
        return readFileSync(where(), 'utf8');
      } catch {
        return undefined;
      }
    },
    write(text) {
      const path = where();
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, path);
    },
  };
}
