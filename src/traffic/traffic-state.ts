// The traffic generators and their counters: what the user started ("20 requests per second from the Internet to
// web"), the requests they made (kept briefly for the views) and per-pod / per-reason counts.
import type { ConnectResult, ConnectSource, FailureReason, Hop } from '../network/connect';
import type { RngState } from '../sim/rng';
import { Rng } from '../sim/rng';

export const TRAFFIC = 'traffic';

/** Where a generator sends to: a Service (reached as a client in that place would) or a host and port. */
export type TrafficTarget =
  | { service: { namespace: string; name: string }; via?: 'auto' | 'clusterip' | 'nodeport' | 'loadbalancer'; port?: number; node?: string }
  | { host: string; port: number };

export interface TrafficGenerator {
  id: string;
  from: ConnectSource;
  to: TrafficTarget;
  /** Requests per simulated second. */
  rate: number;
  path?: string;
  startedAt: number;
  /** Fraction of a request carried to the next batch. */
  carry: number;
  /** When the generator last sent (ms). */
  lastAt: number;
  sent: number;
  ok: number;
  failed: number;
  /** Round-robin position over nodes when entering by node port from outside. */
  nodeTurn: number;
}

export interface PodCounter {
  ok: number;
  failed: number;
}

export interface TrafficState {
  generators: Record<string, TrafficGenerator>;
  nextId: number;
  rng: RngState;
  /** `namespace/name` of the pod that answered (or failed) → counts. */
  byPod: Record<string, PodCounter>;
  /** Failures by reason. */
  failures: Partial<Record<FailureReason, number>>;
  total: number;
  ok: number;
}

export function trafficStateOf(raw: Record<string, unknown>): TrafficState {
  raw.generators ??= {};
  raw.nextId ??= 1;
  raw.rng ??= new Rng(0x74726166).state;
  raw.byPod ??= {};
  raw.failures ??= {};
  raw.total ??= 0;
  raw.ok ??= 0;
  return raw as unknown as TrafficState;
}

/** One request as the views draw it: when it started, its hops, where it ended. */
export interface RequestRecord {
  seq: number;
  generator?: string;
  /** Simulated start, ms since the epoch. */
  start: number;
  ok: boolean;
  hops: Hop[];
  latencyMs: number;
  failure?: ConnectResult['failure'];
  service?: ConnectResult['service'];
  pod?: { namespace: string; name: string; node: string };
}

export function toRecord(seq: number, start: number, r: ConnectResult, generator?: string): RequestRecord {
  const rec: RequestRecord = { seq, start, ok: r.ok, hops: r.hops, latencyMs: r.latencyMs };
  if (generator) rec.generator = generator;
  if (r.failure) rec.failure = r.failure;
  if (r.service) rec.service = r.service;
  if (r.pod) rec.pod = { namespace: r.pod.namespace, name: r.pod.name, node: r.pod.node };
  return rec;
}

/** Requests recorded but not yet taken by a host, per simulation (transient: not saved). */
const buffers = new WeakMap<object, { seq: number; records: RequestRecord[] }>();
const MAX_BUFFERED = 4000;

export function requestBuffer(owner: object): { seq: number; records: RequestRecord[] } {
  let b = buffers.get(owner);
  if (!b) buffers.set(owner, (b = { seq: 0, records: [] }));
  return b;
}

export function pushRecord(owner: object, make: (seq: number) => RequestRecord): void {
  const b = requestBuffer(owner);
  b.seq += 1;
  b.records.push(make(b.seq));
  if (b.records.length > MAX_BUFFERED) b.records.splice(0, b.records.length - MAX_BUFFERED);
}

/** Takes the requests recorded since the last call. */
export function takeRecords(owner: object): RequestRecord[] {
  const b = requestBuffer(owner);
  const out = b.records;
  b.records = [];
  return out;
}
