#!/usr/bin/env node
// `kubeville …`: the process wiring of the headless CLI (the logic is in cli-app.ts).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from './cli-app';

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const code = runCli(process.argv.slice(2), {
  readFile,
  writeFile(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  },
  listDir(path) {
    try {
      if (!statSync(path).isDirectory()) return undefined;
      return readdirSync(path).map((f) => join(path, f));
    } catch {
      return undefined;
    }
  },
  stdin() {
    try {
      return readFileSync(0, 'utf8');
    } catch {
      return '';
    }
  },
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  now: () => Date.now(),
});
process.exitCode = code;
