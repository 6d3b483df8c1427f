// What the shell hands a program it runs (an applet or a command registered by the kubelet), and what the world looks
// like to the script (the ShellHost the kubelet implements).
import type { VirtualFs } from '../runtime/filesystem';

export type ConnectResult =
  | { ok: true; /** Response body for HTTP (wget), or what the server sends first. */ body: string; status?: number; statusText?: string; /** Time the exchange takes. */ durationMs?: number }
  | { ok: false; error: 'refused' | 'timeout' | 'unreachable'; durationMs?: number };

export interface ShellImage {
  name: string;
  hasBash: boolean;
  flavour: 'busybox' | 'alpine' | 'debian';
  /** alpine's /etc/alpine-release (3.15.11 for alpine:3.15). */
  release?: string;
}

export interface ShellHost {
  /** The container's filesystem view. */
  fs: VirtualFs;
  /** The process environment, after Kubernetes' `$(VAR)` expansion. */
  env: Record<string, string>;
  hostname: string;
  /** Simulated epoch ms when the process starts (what `date` reads). */
  startMs: number;
  /** Cluster DNS as seen from the pod (search list applied by the caller or not: names are queried as given). */
  resolve(name: string): { addresses: string[] } | { cname: string; addresses: string[] } | undefined;
  /** TCP/HTTP to an address; absent: nothing answers. */
  connect?(host: string, port: number, request?: { path?: string; /** Simulated epoch ms of the attempt. */ at?: number }): ConnectResult;
  /** The process starts listening on a TCP port at `at` (mongod on 27017, nginx on 80). */
  listen?(port: number, at: number): void;
  /** Seeded randomness in [0,1). */
  rng(): number;
  image: ShellImage;
  /** Programs the image has besides the applets (mongodump, nginx…), by name. */
  commands?: Record<string, ExternalCommand>;
}

/** What a program sees while it runs. Output and fs changes are stamped with the simulated clock. */
export interface CommandContext {
  argv: string[];
  /** Everything the program can read on stdin. */
  stdin: string;
  env: Record<string, string>;
  cwd: string;
  host: ShellHost;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Simulated epoch ms now. */
  now(): number;
  /** Lets simulated time pass (sleep, a dump that takes a while). */
  sleep(ms: number): void;
  /** Records that a path was created, changed or removed now (writes through `host.fs` must call it). */
  changed(path: string): void;
  /** stdout is a terminal (`kubectl exec -t`): ls lays out columns. */
  tty: boolean;
}

/** A program: returns its exit code. */
export type ExternalCommand = (ctx: CommandContext) => number;
