// The headless CLI: a second Node host of the engine. State lives in a JSON session file between invocations.
import type { FileSource } from '../src/kubectl/context';
import { Session, SessionFormatError, parseSessionDocument } from '../src/host/session';
import { humanDuration, parseDuration } from '../src/sim/duration';
import { LESSON_USAGE, runLessonCommand } from './cli-lesson';

export interface CliIO {
  /** Reads a file; undefined if absent. */
  readFile(path: string): string | undefined;
  /** Writes a file atomically (creating folders). */
  writeFile(path: string, text: string): void;
  listDir(path: string): string[] | undefined;
  stdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Wall-clock time, for a new cluster's default start. */
  now(): number;
  /** Starts `kubeville serve` (Node hosts only); it keeps running after runCli returns. */
  serve?(options: ServeCommand): void;
}

/** What `kubeville serve` was asked for. */
export interface ServeCommand {
  statePath: string;
  port: number;
  speed: number;
  paused: boolean;
}

const USAGE = `Usage:
  kubeville [--state FILE] reset [--nodes N] [--start ISO-8601] [--seed N] [--kubernetes 1.NN] [--cloud-provider simulated|none]
  kubeville [--state FILE] kubectl ARGS...     run the kubectl emulation (-f reads files from disk)
  kubeville [--state FILE] sh -c 'LINE'        run a line as the app's console does (pipes, variables, here-documents;
                                               files written go to the session's workspace, -f falls back to disk)
  kubeville [--state FILE] advance DURATION    run simulated time forward (30s, 5m, 1h30m, 2d)
  kubeville [--state FILE] time                print the simulated time (ISO-8601, UTC)
${LESSON_USAGE.trimEnd()}
  kubeville [--state FILE] serve [--port 6443] [--speed N | --paused]
                                               serve the Kubernetes API on 127.0.0.1 for the real kubectl (writes a
                                               kubeconfig next to the state file; advance/time/kubectl on that file
                                               then go through the server)

State: --state FILE, else $KUBEVILLE_STATE, else .kubeville/state.json in the current folder.
`;

class CliError extends Error {
  constructor(message: string, readonly code = 2) {
    super(message);
  }
}

function takeFlag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) {
      const v = args[i + 1];
      if (v === undefined) throw new CliError(`kubeville: ${name} needs a value`);
      args.splice(i, 2);
      return v;
    }
    if (args[i].startsWith(`${name}=`)) {
      const v = args[i].slice(name.length + 1);
      args.splice(i, 1);
      return v;
    }
  }
  return undefined;
}

function diskFiles(io: CliIO): FileSource {
  return { read: (p) => io.readFile(p), list: (d) => io.listDir(d) };
}

/** Runs one CLI invocation; returns the process exit code. */
export function runCli(argv: string[], io: CliIO): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
      return e.code;
    }
    io.stderr(`kubeville: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}

function run(argv: string[], io: CliIO): number {
  const args = [...argv];
  // Global flags come before the subcommand.
  let statePath = io.env.KUBEVILLE_STATE || '.kubeville/state.json';
  while (args[0]?.startsWith('--state')) {
    statePath = takeFlag(args, '--state')!;
  }
  const command = args.shift();
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'reset': {
      const nodes = takeFlag(args, '--nodes');
      const start = takeFlag(args, '--start');
      const seed = takeFlag(args, '--seed');
      const version = takeFlag(args, '--kubernetes');
      const cloud = takeFlag(args, '--cloud-provider');
      if (args.length) throw new CliError(`kubeville reset: unexpected argument "${args[0]}"\n\n${USAGE}`);
      const workers = nodes === undefined ? 2 : Number(nodes);
      if (!Number.isInteger(workers) || workers < 1 || workers > 50) throw new CliError('kubeville reset: --nodes takes a whole number of workers from 1 to 50');
      const startMs = start === undefined ? Math.floor(io.now() / 60000) * 60000 : Date.parse(start);
      if (Number.isNaN(startMs)) throw new CliError(`kubeville reset: --start "${start}" is not an ISO-8601 time (e.g. 2026-01-05T09:00:00Z)`);
      const m = version === undefined ? ['', '32'] : /^v?1\.(\d+)(\.\d+)?$/.exec(version);
      if (!m) throw new CliError(`kubeville reset: --kubernetes "${version}" is not a version like 1.32`);
      const minor = Number(m[1]);
      if (minor < 24 || minor > 33) throw new CliError(`kubeville reset: Kubernetes 1.${minor} is not simulated (1.24 to 1.33)`);
      if (cloud !== undefined && cloud !== 'simulated' && cloud !== 'none') throw new CliError('kubeville reset: --cloud-provider is "simulated" or "none"');
      const seedN = seed === undefined ? 1 : Number(seed);
      if (!Number.isInteger(seedN)) throw new CliError('kubeville reset: --seed takes a whole number');
      const session = new Session({ startMs, workers, minor, seed: seedN, cloudProvider: cloud as 'simulated' | 'none' | undefined });
      save(io, statePath, session);
      io.stdout(`Created a kind cluster "kind" (Kubernetes 1.${minor}, 1 control plane + ${workers} worker${workers > 1 ? 's' : ''}) at ${new Date(startMs).toISOString().replace('.000Z', 'Z')}\nState: ${statePath}\n`);
      return 0;
    }
    case 'kubectl': {
      const session = load(io, statePath);
      const before = session.sim.now();
      const stdin = args.some((a, i) => (a === '-f' || a === '--filename') && args[i + 1] === '-') || args.includes('--filename=-') || args.includes('-f-') || (args[0] === 'exec' && args.some((a) => a === '--stdin' || /^-[a-z]*i[a-z]*$/.test(a))) ? io.stdin() : '';
      const result = session.runArgv(args, stdin, diskFiles(io));
      io.stdout(result.stdout);
      io.stderr(result.stderr);
      void before;
      save(io, statePath, session);
      return result.exitCode;
    }
    case 'sh': {
      if (args[0] !== '-c' || args.length < 2) throw new CliError(`kubeville sh: usage: kubeville sh -c 'LINE'\n\n${USAGE}`);
      const session = load(io, statePath);
      const result = session.run(args[1], args.includes('-s') ? io.stdin() : '', diskFiles(io), false);
      io.stdout(result.stdout);
      io.stderr(result.stderr);
      save(io, statePath, session);
      return result.exitCode;
    }
    case 'advance': {
      const text = args.join('');
      const ms = parseDuration(text);
      if (ms === undefined || args.length === 0) throw new CliError(`kubeville advance: "${text}" is not a duration (e.g. 30s, 5m, 1h30m, 2d)`);
      const session = load(io, statePath);
      const lapsed = session.sim.lapsedMs;
      session.advance(ms);
      save(io, statePath, session);
      io.stdout(`${new Date(session.sim.now()).toISOString().replace('.000Z', 'Z')}\n`);
      const skipped = session.sim.lapsedMs - lapsed;
      if (skipped > 0) io.stderr(`time-lapse: ${humanDuration(skipped)} repeated what came just before exactly and was skipped; the last hour was simulated in full\n`);
      return 0;
    }
    case 'lesson':
      return runLessonCommand(args, io);
    case 'time': {
      const session = load(io, statePath);
      io.stdout(`${new Date(session.sim.now()).toISOString().replace('.000Z', 'Z')}\n`);
      return 0;
    }
    case 'serve': {
      const state = takeFlag(args, '--state');
      if (state !== undefined) statePath = state;
      const port = Number(takeFlag(args, '--port') ?? 6443);
      const speedText = takeFlag(args, '--speed');
      const paused = args.includes('--paused');
      if (paused) args.splice(args.indexOf('--paused'), 1);
      if (args.length) throw new CliError(`kubeville serve: unexpected argument "${args[0]}"\n\n${USAGE}`);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('kubeville serve: --port takes a port number (0 picks a free one)');
      const speed = speedText === undefined ? 1 : Number(speedText);
      if (!(speed > 0) || speed > 10000) throw new CliError('kubeville serve: --speed takes a positive number (1 = real time)');
      if (paused && speedText !== undefined) throw new CliError('kubeville serve: --speed and --paused do not go together');
      if (!io.serve) throw new CliError('kubeville serve: this host cannot serve');
      io.serve({ statePath, port, speed, paused });
      return 0;
    }
    default:
      throw new CliError(`kubeville: unknown command "${command}"\n\n${USAGE}`);
  }
}

function load(io: CliIO, path: string): Session {
  const text = io.readFile(path);
  const session = new Session({ startMs: Math.floor(io.now() / 60000) * 60000 });
  if (text === undefined) return session;
  try {
    parseSessionDocument(text);
    session.load(text);
  } catch (e) {
    const why = e instanceof SessionFormatError ? e.message : `cannot be read (${(e as Error).message})`;
    throw new CliError(`kubeville: the state file ${path}: ${why}. It was left as it is; use --state to choose another file, or \`kubeville reset\` to start over.`);
  }
  return session;
}

function save(io: CliIO, path: string, session: Session): void {
  io.writeFile(path, JSON.stringify(session.save()));
}
