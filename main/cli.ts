#!/usr/bin/env node
// `kubeville …`: the process wiring of the headless CLI (the logic is in cli-app.ts).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli, type CliIO } from './cli-app';
import { forwardIfServed } from './serve/forward';
import { runServe } from './serve/serve-command';

function readFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const io: CliIO = {
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
  serve: (command) => runServe(command, (t) => process.stdout.write(t), (t) => process.stderr.write(t)),
};
// `kubeville kubectl get events | head`: the reader went away; stop quietly, as shell tools do (the state file is
// already written: commands run synchronously and the pipe's error comes after).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}
const argv = process.argv.slice(2);
// While `kubeville serve` holds the state file, advance/time/kubectl go through it instead of the file.
forwardIfServed(argv, io).then((forwarded) => {
  process.exitCode = forwarded ?? runCli(argv, io);
});
