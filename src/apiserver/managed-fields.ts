// metadata.managedFields: which manager owns which fields of an object, as the API server records it for writes
// that come from a user (kubectl, or a request through `kubeville serve`). Controller writes never come here: they
// carry no field manager and keep the entries they read, so the engine pays nothing for them.
import type { KubeObject, ObjectMeta } from '../api/meta';
import { isoSeconds } from '../sim/duration';
import { applyDefaults } from './defaults';
import { FieldSet } from './field-set';
import { rootType } from './field-types';
import { compare, type Json } from './typed-value';

/** One entry of metadata.managedFields (meta/v1 ManagedFieldsEntry). */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** A decoded entry: who, how, and the set of fields. */
export interface Manager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
}

type MetaWithManaged = ObjectMeta & { managedFields?: ManagedFieldsEntry[] };

export function managedFieldsOf(obj: KubeObject): ManagedFieldsEntry[] | undefined {
  return (obj.metadata as MetaWithManaged).managedFields;
}

export function decodeManagers(entries: ManagedFieldsEntry[] | undefined): Manager[] {
  return (entries ?? []).map((e) => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    subresource: e.subresource,
    time: e.time,
    set: FieldSet.fromFieldsV1(e.fieldsV1),
  }));
}

/** Entries in the API server's order: Apply before Update, then by time, manager, apiVersion, subresource. */
export function encodeManagers(managers: Manager[]): ManagedFieldsEntry[] | undefined {
  const kept = managers.filter((m) => !m.set.isEmpty());
  if (!kept.length) return undefined;
  const cmp = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  kept.sort((p, q) => cmp(p.operation, q.operation) || cmp(p.time, q.time) || cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource, q.subresource));
  return kept.map((m) => {
    const e: ManagedFieldsEntry = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion, time: m.time, fieldsType: 'FieldsV1', fieldsV1: m.set.toFieldsV1(), subresource: m.subresource };
    if (!e.time) delete e.time;
    if (!e.subresource) delete e.subresource;
    return e;
  });
}

/** The same manager as the API server identifies them (an applier's apiVersion does not count). */
export function sameManager(a: Omit<Manager, 'set'>, b: Omit<Manager, 'set'>): boolean {
  return a.manager === b.manager && a.operation === b.operation && (a.subresource ?? '') === (b.subresource ?? '') && (a.operation === 'Apply' || a.apiVersion === b.apiVersion);
}

/** `"kubectl-client-side-apply" using apps/v1`, `"kubectl" with subresource "scale" using apps/v1`, `"kubectl"`. */
export function describeManager(m: Omit<Manager, 'set'>): string {
  let s = JSON.stringify(m.manager);
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
  if (m.operation === 'Update') s += ` using ${m.apiVersion}`;
  return s;
}

/** Fields no manager owns: identity and server-set metadata (the API server's stripped set). */
const STRIPPED = FieldSet.of(
  ['f:apiVersion'],
  ['f:kind'],
  ['f:metadata'],
  ['f:metadata', 'f:name'],
  ['f:metadata', 'f:namespace'],
  ['f:metadata', 'f:creationTimestamp'],
  ['f:metadata', 'f:selfLink'],
  ['f:metadata', 'f:uid'],
  ['f:metadata', 'f:generation'],
  ['f:metadata', 'f:managedFields'],
  ['f:metadata', 'f:resourceVersion'],
);
const STATUS = FieldSet.of(['f:status']);
const REPLICAS = FieldSet.of(['f:spec', 'f:replicas']);

/** The part of a set a write through `subresource` may own (status is the status subresource's, not the object's). */
export function ownable(set: FieldSet, subresource?: string): FieldSet {
  const stripped = set.difference(STRIPPED);
  if (subresource === 'status') {
    const status = stripped.at(['f:status']);
    return status ? withPrefix(['f:status'], status) : new FieldSet();
  }
  if (subresource === 'scale') return stripped.intersection(REPLICAS);
  return stripped.recursiveDifference(STATUS);
}

function withPrefix(prefix: string[], set: FieldSet): FieldSet {
  const out = new FieldSet();
  let node = out;
  for (const pe of prefix) {
    const next = new FieldSet();
    node.children.set(pe, next);
    node = next;
  }
  node.member = set.member;
  for (const [pe, c] of set.children) node.children.set(pe, c.copy());
  return out;
}

const TEMPLATE = { metadata: { creationTimestamp: null }, spec: { containers: null } };

/** What the Go type's zero value serializes to: the "live object" a create is compared with. */
const ZERO_SPECS: Record<string, Json> = {
  Pod: { spec: { containers: null }, status: {} },
  Deployment: { spec: { selector: null, template: TEMPLATE, strategy: {} }, status: {} },
  ReplicaSet: { spec: { selector: null, template: TEMPLATE }, status: { replicas: 0 } },
  StatefulSet: { spec: { selector: null, template: TEMPLATE, updateStrategy: {} }, status: { replicas: 0 } },
  DaemonSet: { spec: { selector: null, template: TEMPLATE, updateStrategy: {} }, status: {} },
  Job: { spec: { template: TEMPLATE }, status: {} },
  CronJob: { spec: { schedule: '', jobTemplate: { metadata: { creationTimestamp: null }, spec: { template: TEMPLATE } } }, status: {} },
  Service: { spec: {}, status: { loadBalancer: {} } },
  Namespace: { spec: {}, status: {} },
  PersistentVolumeClaim: { spec: { resources: {} }, status: {} },
  Ingress: { spec: {}, status: { loadBalancer: {} } },
};

export function zeroObject(kind: string): Json {
  return { metadata: { creationTimestamp: null }, ...((ZERO_SPECS[kind] ?? {}) as Record<string, Json>) };
}

/** The object as walked for field sets: without its managedFields. */
export function bareJson(obj: KubeObject): Json {
  const { managedFields: _, ...meta } = obj.metadata as MetaWithManaged;
  void _;
  return JSON.parse(JSON.stringify({ ...obj, metadata: meta })) as Json;
}

export interface RecordOptions {
  now: number;
  minor: number;
  /** `status` or `scale`: the entry is the subresource's, and owns only what it can change. */
  subresource?: 'status' | 'scale';
}

/**
 * `next` with the managedFields an Update by `manager` leaves (a create when `live` is undefined): the manager
 * gains the fields it added or changed, after defaulting (as the API server decodes bodies with defaults); other
 * managers lose those and any field removed. Nothing changes when the write changes nothing.
 */
export function recordUpdate<T extends KubeObject>(live: KubeObject | undefined, next: T, manager: string, options: RecordOptions): T {
  const type = rootType(next.apiVersion, next.kind);
  const defaulted = JSON.parse(JSON.stringify({ ...next, metadata: { ...next.metadata, managedFields: undefined } })) as KubeObject;
  if (!options.subresource) applyDefaults(defaulted, { minor: options.minor });
  const before = live ? bareJson(live) : zeroObject(next.kind);
  const c = compare(before, bareJson(defaulted), type);
  const changed = ownable(c.added.union(c.modified), options.subresource);
  const removed = ownable(c.removed, options.subresource);
  const base = managedFieldsOf(next) ?? (live ? managedFieldsOf(live) : undefined);
  if (changed.isEmpty() && removed.isEmpty()) return withManagedFields(next, live ? base : undefined);
  const managers = decodeManagers(live ? base : undefined);
  for (const m of managers) m.set = m.set.difference(changed).difference(removed);
  const me: Omit<Manager, 'set'> = { manager, operation: 'Update', apiVersion: next.apiVersion, subresource: options.subresource };
  const mine = managers.find((m) => sameManager(m, me));
  if (mine) {
    mine.set = mine.set.union(changed);
    mine.time = isoSeconds(options.now);
  } else managers.push({ ...me, time: isoSeconds(options.now), set: changed });
  return withManagedFields(next, encodeManagers(managers));
}

export function withManagedFields<T extends KubeObject>(obj: T, entries: ManagedFieldsEntry[] | undefined): T {
  const meta: MetaWithManaged = { ...obj.metadata, managedFields: entries };
  if (!entries) delete meta.managedFields;
  return { ...obj, metadata: meta };
}

/** The field manager of a request: `?fieldManager=`, else the User-Agent's first word (`kubectl/v1.32.5 …` → kubectl). */
export function managerOfRequest(fieldManager: string | null | undefined, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager;
  return (userAgent ?? '').split('/')[0]!.slice(0, 128);
}

/** Objects as kubectl prints them with -o yaml|json unless --show-managed-fields: without metadata.managedFields. */
export function omitManagedFields<T extends KubeObject>(objects: T[]): T[] {
  return objects.map((o) => (managedFieldsOf(o) ? withManagedFields(o, undefined) : o));
}
