// A CLI run against files in memory, for tests (no disk, a fixed wall clock).
import { runCli, type CliIO } from './cli-app';

export function memoryCli(files: Record<string, string> = {}) {
  const disk = new Map(Object.entries(files));
  let out = '';
  let err = '';
  const io: CliIO = {
    readFile: (p) => disk.get(p),
    writeFile: (p, t) => void disk.set(p, t),
    listDir: () => undefined,
    stdin: () => '',
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    now: () => Date.parse('2026-03-01T12:34:56Z'),
  };
  return {
    disk,
    run(...argv: string[]) {
      out = '';
      err = '';
      const code = runCli(argv, io);
      return { code, out, err };
    },
  };
}
