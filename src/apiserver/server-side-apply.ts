// Server-side apply (PATCH application/apply-patch+yaml, `kubectl apply --server-side`): the applied configuration
// merges into the live object, fields its manager applied last time and no longer applies are removed (unless
// someone else owns them), and changing a field another manager owns is a conflict unless forced. The result is
// written by the caller through ApiServer.create/update, which default, validate and admit it as any write.
import type { KubeObject } from '../api/meta';
import { isoSeconds } from '../sim/duration';
import { ApiError, type StatusCause } from './api-error';
import { FieldSet, formatPath, type PathElement } from './field-set';
import { rootType } from './field-types';
import { bareJson, decodeManagers, describeManager, encodeManagers, managedFieldsOf, ownable, sameManager, withManagedFields, type Manager } from './managed-fields';
import { compare, jsonEqual, merge, removeItems, toFieldSet, type Json } from './typed-value';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ApplyOptions {
  manager: string;
  /** --force-conflicts: take the fields from their other managers. */
  force: boolean;
  now: number;
}

/** One field another manager owns. */
export interface ApplyConflict {
  manager: Omit<Manager, 'set'>;
  path: PathElement[];
}

/**
 * The object after `manager` applies `config` to `live` (undefined: the apply creates it), managedFields included.
 * Throws the API server's 409 when the apply would change fields other managers own and `force` is not set.
 */
export function serverSideApply(live: KubeObject | undefined, config: KubeObject, options: ApplyOptions): KubeObject {
  const type = rootType(config.apiVersion, config.kind);
  const applied = bareJson(config);
  const appliedSet = ownable(toFieldSet(applied, type));
  const me: Omit<Manager, 'set'> = { manager: options.manager, operation: 'Apply', apiVersion: config.apiVersion };
  const now = isoSeconds(options.now);
  if (!live) {
    const created = merge({}, applied, type) as unknown as KubeObject;
    return withManagedFields(created, encodeManagers([{ ...me, time: now, set: appliedSet }]));
  }
  const liveJson = bareJson(live);
  const managers = decodeManagers(managedFieldsOf(live));
  const previous = managers.find((m) => sameManager(m, me));
  const others = managers.filter((m) => m !== previous);

  let merged = merge(liveJson, applied, type) as Json;
  if (previous) {
    // What this manager applied before and applies no more goes, unless another manager (or this apply) owns it.
    const owned = others.reduce((s, m) => s.union(m.set), appliedSet);
    merged = removeItems(merged, unowned(previous.set, owned), type);
  }
  const c = compare(liveJson, merged, type);
  const changed = ownable(c.added.union(c.modified));
  const removed = ownable(c.removed);

  let conflicts: ApplyConflict[] = [];
  for (const m of others) for (const path of m.set.intersection(changed).paths()) conflicts.push({ manager: m, path });
  if (conflicts.length && !options.force) {
    // kubectl's own upgrade from client-side apply: fields still as last-applied says may change hands.
    const allowed = options.manager === 'kubectl' ? allowedByLastApplied(live, liveJson) : undefined;
    if (allowed) conflicts = conflicts.filter((x) => !allowed.has(x.path));
    if (conflicts.length) throw conflictError(conflicts);
  }
  for (const m of others) m.set = m.set.difference(changed).difference(removed);
  const changedObject = !jsonEqual(liveJson, merged);
  const mine: Manager = { ...me, time: changedObject || !previous ? now : previous.time, set: appliedSet };
  let result = merged as unknown as KubeObject;
  if (options.manager === 'kubectl') result = syncLastApplied(result, config);
  return withManagedFields(result, encodeManagers([...others, mine]));
}

/** Members of `last` that nothing in `owned` covers (neither the path itself nor anything under it). */
function unowned(last: FieldSet, owned: FieldSet): FieldSet {
  const out = new FieldSet();
  const walk = (node: FieldSet, own: FieldSet | undefined, path: PathElement[]) => {
    for (const [pe, child] of node.children) {
      const o = own?.children.get(pe);
      if (child.member && (!o || o.isEmpty())) out.insert([...path, pe]);
      else walk(child, o, [...path, pe]);
    }
  };
  walk(last, owned, []);
  return out;
}

/** The fields of the last client-side applied configuration whose live value is still the one it set. */
function allowedByLastApplied(live: KubeObject, liveJson: Json): FieldSet | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  let last: KubeObject;
  try {
    last = JSON.parse(text) as KubeObject;
  } catch {
    return undefined;
  }
  const type = rootType(live.apiVersion, live.kind);
  const lastJson = last as unknown as Json;
  const c = compare(lastJson, liveJson, type);
  return toFieldSet(lastJson, type).difference(c.modified.union(c.removed));
}

/** kubectl's server-side applies keep an existing last-applied annotation in step with what they applied. */
function syncLastApplied(obj: KubeObject, config: KubeObject): KubeObject {
  const annotations = obj.metadata.annotations;
  if (!annotations || annotations[LAST_APPLIED] === undefined) return obj;
  const copy = JSON.parse(JSON.stringify(config)) as KubeObject;
  if (copy.metadata?.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
  }
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: sortedJson(copy) } } };
}

/** Compact JSON with sorted keys (Go's encoding of unstructured objects). */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.keys(v as object)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * The 409 the API server answers: `Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using
 * apps/v1: .spec.replicas`, or for several, one `conflicts with …:` block per manager listing `- path` lines.
 */
export function conflictError(conflicts: ApplyConflict[]): ApiError {
  const causes: StatusCause[] = conflicts.map((x) => ({ reason: 'FieldManagerConflict', message: `conflict with ${describeManager(x.manager)}`, field: formatPath(x.path) }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${describeManager(conflicts[0]!.manager)}: ${formatPath(conflicts[0]!.path)}`;
  } else {
    const byManager = new Map<string, ApplyConflict[]>();
    for (const x of conflicts) {
      const key = managerKey(x.manager);
      byManager.set(key, [...(byManager.get(key) ?? []), x]);
    }
    const lines: string[] = [];
    for (const key of [...byManager.keys()].sort()) {
      const group = byManager.get(key)!;
      lines.push(`conflicts with ${describeManager(group[0]!.manager)}:`);
      for (const x of group) lines.push(`- ${formatPath(x.path)}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError('Conflict', message, { causes });
}

/** The API server's manager identifier (sorted as JSON text when grouping conflicts). */
function managerKey(m: Omit<Manager, 'set'>): string {
  const id: Record<string, string> = { manager: m.manager, operation: m.operation };
  if (m.operation === 'Update') id.apiVersion = m.apiVersion;
  if (m.subresource) id.subresource = m.subresource;
  return JSON.stringify(id);
}

/**
 * kubectl's own migration after a server-side apply (client-go's csaupgrade): the fields of the client-side
 * managers `csaManagers` join the `ssaManager` Apply entry, and their Update entries go. Undefined when nothing moves.
 */
export function upgradeClientSideManagers(obj: KubeObject, csaManagers: string[], ssaManager: string): ReturnType<typeof encodeManagers> | undefined {
  let managers = decodeManagers(managedFieldsOf(obj));
  let moved = false;
  for (const csa of csaManagers) {
    const isCsa = (m: Manager) => m.manager === csa && m.operation === 'Update' && !m.subresource;
    let target = managers.find((m) => m.manager === ssaManager && m.operation === 'Apply' && !m.subresource);
    if (!target) {
      target = managers.find(isCsa);
      if (!target) continue;
      target.manager = ssaManager;
      target.operation = 'Apply';
    }
    const source = managers.find((m) => isCsa(m) && m.apiVersion === target!.apiVersion);
    if (source) target.set = target.set.union(source.set);
    managers = managers.filter((m) => !isCsa(m));
    moved = true;
  }
  return moved ? encodeManagers(managers) : undefined;
}

/** The managers of `operation` that own `path` (kubectl looks for who owns the last-applied annotation). */
export function ownersOf(obj: KubeObject, operation: 'Apply' | 'Update', path: PathElement[]): string[] {
  return decodeManagers(managedFieldsOf(obj))
    .filter((m) => m.operation === operation && m.set.has(path))
    .map((m) => m.manager);
}

export const LAST_APPLIED_PATH: PathElement[] = ['f:metadata', 'f:annotations', `f:${LAST_APPLIED}`];
