// `kubeville serve`: one Session served over the Kubernetes API, its clock running at a speed (or paused), with
// the kubeconfig and lock file written next to the state file and the state saved when it stops.
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Session, parseSessionDocument } from '../../src/host/session';
import type { FileSource } from '../../src/kubectl/context';
import { ApiHandler } from './api-handler';
import { listen, type ControlHandler, type RunningServer } from './http-server';
import { exportLine, kubeconfigYaml, newToken } from './kubeconfig';
import { lockPathOf, parseLock, processAlive, type ServeLock } from './lock-file';
import { jsonReply, statusBody } from './status';
import { selfSignedCert, type ServingCert } from './self-signed-cert';
import { WatchHub } from './watch-hub';
import { PodStreams } from './pod-streams';

export interface ServeOptions {
  /** The state file to load and save; undefined serves a fresh cluster and saves nothing. */
  statePath?: string;
  port: number;
  host?: string;
  /** Simulated ms per wall-clock ms (1 = real time). */
  speed: number;
  paused: boolean;
  /** Where to write the kubeconfig (default: `kubeconfig` next to the state file). */
  kubeconfigPath?: string;
  /** A session to serve instead of loading the state file (tests). */
  session?: Session;
  token?: string;
  /** How often the clock moves (ms of wall time). */
  frameMs?: number;
  /** Wall-clock time, for a new cluster's start. */
  now?: () => number;
  onRequest?: (method: string, url: string, status: number) => void;
  /** The host already runs the session's clock (the desktop app's play loop): leave playback and time alone. */
  hostClock?: boolean;
}

export class ServeHost {
  readonly session: Session;
  readonly token: string;
  readonly handler: ApiHandler;
  readonly tls: ServingCert = selfSignedCert();
  private hub: WatchHub;
  private running?: RunningServer;
  private frame?: NodeJS.Timeout;
  private lastFrame = 0;
  kubeconfigPath?: string;

  constructor(private readonly options: ServeOptions) {
    this.session = options.session ?? loadSession(options.statePath, options.now ?? Date.now);
    if (!options.hostClock) this.session.playback = { playing: !options.paused, speed: options.speed };
    this.token = options.token ?? newToken();
    this.handler = new ApiHandler(this.session);
    this.hub = new WatchHub(this.session);
  }

  get url(): string {
    if (!this.running) throw new Error('not serving');
    return this.running.url;
  }

  get port(): number {
    return this.running?.port ?? 0;
  }

  /** Listens, writes the kubeconfig and the lock file, starts the clock. Throws if another serve holds the state. */
  async start(): Promise<void> {
    const { statePath } = this.options;
    if (statePath) {
      const lock = parseLock(readText(lockPathOf(statePath)));
      if (lock && lock.pid !== process.pid && processAlive(lock.pid)) {
        throw new Error(`${statePath} is already served by process ${lock.pid} at ${lock.url} (stop it first, or use another --state)`);
      }
    }
    this.running = await listen(
      { handler: this.handler, hub: this.hub, token: this.token, control: this.control, streams: new PodStreams(this.session), onRequest: this.options.onRequest },
      this.options.host ?? '127.0.0.1',
      this.options.port,
      this.tls,
    );
    const kubeconfig = this.options.kubeconfigPath ?? (statePath ? resolve(dirname(statePath), 'kubeconfig') : undefined);
    if (kubeconfig) {
      writePrivate(kubeconfig, kubeconfigYaml(this.running.url, this.token, this.tls.cert));
      this.kubeconfigPath = kubeconfig;
    }
    if (statePath) {
      const lock: ServeLock = { pid: process.pid, url: this.running.url, token: this.token, ca: this.tls.cert };
      writePrivate(lockPathOf(statePath), JSON.stringify(lock) + '\n');
    }
    if (this.options.hostClock) return;
    this.lastFrame = performance.now();
    this.frame = setInterval(() => this.tick(), this.options.frameMs ?? 50);
  }

  /** Moves the clock by the wall time since the last frame, at the current speed (nothing when paused). */
  tick(): void {
    const t = performance.now();
    const wall = t - this.lastFrame;
    this.lastFrame = t;
    try {
      this.session.tick(wall);
    } catch (e) {
      process.stderr.write(`kubeville serve: the simulation failed to advance: ${(e as Error).message}\n`);
      this.session.playback = { ...this.session.playback, playing: false };
    }
  }

  /** Stops serving, removes the lock file, and saves the state file. */
  async stop(): Promise<void> {
    if (this.frame) clearInterval(this.frame);
    this.frame = undefined;
    await this.running?.close();
    const { statePath } = this.options;
    if (statePath) {
      save(statePath, this.session);
      const lock = parseLock(readText(lockPathOf(statePath)));
      if (lock?.pid === process.pid) rmSync(lockPathOf(statePath), { force: true });
    }
  }

  /** What `kubeville serve` prints once it listens. */
  banner(): string {
    const p = this.session.playback;
    const clock = p.playing ? `the clock runs at ${p.speed}×` : 'the clock is paused (kubeville advance DURATION moves it)';
    const lines = [`Kubeville serves the Kubernetes API at ${this.url} (loopback only; ${clock}).`];
    if (this.kubeconfigPath) lines.push(`Kubeconfig: ${this.kubeconfigPath}. In another terminal:`, '', `  ${exportLine(this.kubeconfigPath)}`, '  kubectl get nodes', '');
    lines.push('Press Ctrl-C to stop' + (this.options.statePath ? ` (the state is saved to ${this.options.statePath}).` : '.'));
    return lines.join('\n') + '\n';
  }

  /** /kubeville/v1/{time,advance,kubectl,playback}: the CLI's commands while this server holds the state file. */
  private control: ControlHandler = (method, path, body) => {
    const time = () => ({ time: new Date(this.session.sim.now()).toISOString().replace('.000Z', 'Z') });
    try {
      switch (`${method} ${path}`) {
        case 'GET /kubeville/v1/time':
          return jsonReply(200, time());
        case 'POST /kubeville/v1/advance': {
          const { ms } = JSON.parse(body) as { ms: number };
          if (typeof ms !== 'number' || !(ms >= 0)) return jsonReply(400, statusBody(400, 'BadRequest', 'ms must be a number of milliseconds'));
          this.session.advance(ms);
          return jsonReply(200, time());
        }
        case 'POST /kubeville/v1/kubectl': {
          const { args, stdin, files } = JSON.parse(body) as { args: string[]; stdin?: string; files?: Record<string, string> };
          const source: FileSource = {
            read: (p) => files?.[p],
            list: (d) => {
              const prefix = d.endsWith('/') ? d : `${d}/`;
              const inside = Object.keys(files ?? {}).filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'));
              return inside.length ? inside.sort() : undefined;
            },
          };
          const result = this.session.runArgv(args, stdin ?? '', source);
          return jsonReply(200, { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode });
        }
        case 'GET /kubeville/v1/playback':
          return jsonReply(200, this.session.playback);
        case 'POST /kubeville/v1/playback': {
          const p = JSON.parse(body) as { playing?: boolean; speed?: number };
          this.session.playback = { playing: p.playing ?? this.session.playback.playing, speed: p.speed ?? this.session.playback.speed };
          return jsonReply(200, this.session.playback);
        }
      }
    } catch (e) {
      return jsonReply(400, statusBody(400, 'BadRequest', (e as Error).message));
    }
    return undefined;
  };
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a file only its owner can read (the kubeconfig and lock file hold the token). */
function writePrivate(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

function loadSession(statePath: string | undefined, now: () => number): Session {
  // A new cluster starts at the wall-clock second, so what kubectl computes from the machine clock (ages in describe) stays close.
  const session = new Session({ startMs: Math.floor(now() / 1000) * 1000 });
  const text = statePath ? readText(statePath) : undefined;
  if (text !== undefined) {
    parseSessionDocument(text);
    session.load(text);
  }
  return session;
}

function save(path: string, session: Session): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(session.save()));
  renameSync(tmp, path);
}
