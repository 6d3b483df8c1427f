// Patches as the API server applies them: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and Kubernetes'
// strategic merge patch, plus the three-way patch `kubectl apply` computes from last-applied, live and new.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

/** A patch that cannot be applied (kubectl prints these as the server's BadRequest/UnprocessableEntity). */
export class PatchError extends Error {}

function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T extends Json | undefined>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 7386

/** Applies a JSON merge patch: maps merge, null deletes, anything else replaces. */
export function jsonMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isMap(patch)) return clone(patch);
  const out: JsonMap = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 6902

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: Json;
  from?: string;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer: "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, parts: string[], path: string): Json {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(p);
      if (!/^\d+$/.test(p) || i >= cur.length) throw new PatchError(`doc is missing path: "${path}": missing value`);
      cur = cur[i];
    } else if (isMap(cur)) {
      if (!(p in cur)) throw new PatchError(`doc is missing path: "${path}": missing value`);
      cur = cur[p];
    } else throw new PatchError(`doc is missing path: "${path}": missing value`);
  }
  return cur;
}

function getAt(doc: Json, path: string): Json {
  const parts = parsePointer(path);
  if (parts.length === 0) return doc;
  const parent = parentOf(doc, parts, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!/^\d+$/.test(last) || i >= parent.length) throw new PatchError(`doc is missing path: "${path}": missing value`);
    return parent[i];
  }
  if (isMap(parent) && last in parent) return parent[last];
  throw new PatchError(`doc is missing path: "${path}": missing value`);
}

function removeAt(doc: Json, path: string): Json {
  const parts = parsePointer(path);
  const parent = parentOf(doc, parts, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!/^\d+$/.test(last) || i >= parent.length) throw new PatchError(`Unable to remove nonexistent key: ${last}: missing value`);
    return parent.splice(i, 1)[0];
  }
  if (isMap(parent) && last in parent) {
    const v = parent[last];
    delete parent[last];
    return v;
  }
  throw new PatchError(`Unable to remove nonexistent key: ${last}: missing value`);
}

function addAt(doc: Json, path: string, value: Json, replace: boolean): Json {
  const parts = parsePointer(path);
  if (parts.length === 0) return value;
  const parent = parentOf(doc, parts, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    if (last === '-' && !replace) {
      parent.push(value);
      return doc;
    }
    const i = Number(last);
    const max = replace ? parent.length - 1 : parent.length;
    if (!/^\d+$/.test(last) || i > max) throw new PatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
    if (replace) parent[i] = value;
    else parent.splice(i, 0, value);
    return doc;
  }
  if (!isMap(parent)) throw new PatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
  if (replace && !(last in parent)) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
  parent[last] = value;
  return doc;
}

/** Applies a JSON patch (add, remove, replace, move, copy, test) to a copy of doc. */
export function jsonPatch(doc: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let out = clone(doc);
  for (const raw of ops as JsonPatchOp[]) {
    if (!isMap(raw as unknown)) throw new PatchError('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const { op, path } = raw;
    if (typeof path !== 'string') throw new PatchError(`Unexpected kind: ${op}`);
    switch (op) {
      case 'add':
        out = addAt(out, path, clone(raw.value ?? null), false);
        break;
      case 'remove':
        removeAt(out, path);
        break;
      case 'replace':
        out = addAt(out, path, clone(raw.value ?? null), true);
        break;
      case 'move': {
        const v = removeAt(out, raw.from ?? '');
        out = addAt(out, path, v, false);
        break;
      }
      case 'copy':
        out = addAt(out, path, clone(getAt(out, raw.from ?? '')), false);
        break;
      case 'test':
        if (!deepEqual(getAt(out, path), raw.value)) throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${op}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Strategic merge patch

/** How a list field merges: by a key field, as a set of primitives, or (undefined) replaced whole. */
export type ListStrategy = { mergeKey: string } | { primitiveMerge: true } | undefined;

const MERGE_KEY_BY_FIELD: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  conditions: 'type',
  addresses: 'type',
  resourceClaims: 'name',
  schedulingGates: 'name',
  topologySpreadConstraints: 'topologyKey',
  resizePolicy: 'resourceName',
  ephemeralContainerStatuses: 'name',
};

/** `path` is the field names from the object root, list items omitted (`spec.template.spec.containers.ports`). */
export function listStrategy(path: string[]): ListStrategy {
  const field = path[path.length - 1];
  if (field === 'finalizers' && path[path.length - 2] === 'metadata') return { primitiveMerge: true };
  if (field === 'podCIDRs') return { primitiveMerge: true };
  if (field === 'ports') {
    const parent = path[path.length - 2];
    if (parent === 'containers' || parent === 'initContainers' || parent === 'ephemeralContainers') return { mergeKey: 'containerPort' };
    if (parent === 'spec') return { mergeKey: 'port' };
    return undefined;
  }
  if (field === 'addresses' && path[path.length - 2] !== 'status') return undefined;
  const key = MERGE_KEY_BY_FIELD[field];
  return key ? { mergeKey: key } : undefined;
}

/** Maps whose keys the patch lists (`$retainKeys`): Deployment.spec.strategy and volume sources. */
function retainsKeys(path: string[]): boolean {
  const field = path[path.length - 1];
  return (field === 'strategy' && path.length === 2 && path[0] === 'spec') || field === 'volumes';
}

const DIRECTIVE = '$patch';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
const SET_ORDER = '$setElementOrder/';
const RETAIN_KEYS = '$retainKeys';

/** Applies a strategic merge patch to a copy of original. */
export function strategicMergePatch(original: Json, patch: Json): Json {
  if (!isMap(patch)) throw new PatchError('unable to find api field in struct Pod for the json field "patch"');
  return mergeMap(isMap(original) ? original : {}, patch, []);
}

function mergeMap(original: JsonMap, patch: JsonMap, path: string[]): JsonMap {
  const directive = patch[DIRECTIVE];
  if (directive === 'replace') {
    const out: JsonMap = {};
    for (const [k, v] of Object.entries(patch)) if (k !== DIRECTIVE) out[k] = clone(v);
    return out;
  }
  if (directive === 'delete') return {};
  if (directive !== undefined) throw new PatchError(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  const out: JsonMap = { ...original };
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(DELETE_PRIMITIVE)) {
      const field = k.slice(DELETE_PRIMITIVE.length);
      const drop = Array.isArray(v) ? v : [];
      const cur = out[field];
      if (Array.isArray(cur)) out[field] = cur.filter((x) => !drop.some((d) => deepEqual(d, x)));
      continue;
    }
    if (k.startsWith(SET_ORDER) || k === RETAIN_KEYS) continue;
    if (v === null) {
      delete out[k];
      continue;
    }
    const childPath = [...path, k];
    const cur = out[k];
    if (isMap(v)) {
      if (v[DIRECTIVE] === 'delete') {
        delete out[k];
        continue;
      }
      out[k] = mergeMap(isMap(cur) ? cur : {}, v, childPath);
    } else if (Array.isArray(v)) {
      out[k] = mergeList(Array.isArray(cur) ? cur : undefined, v, childPath);
    } else {
      out[k] = v;
    }
  }
  const order = patch;
  for (const [k, v] of Object.entries(order)) {
    if (!k.startsWith(SET_ORDER) || !Array.isArray(v)) continue;
    const field = k.slice(SET_ORDER.length);
    const strategy = listStrategy([...path, field]);
    if (Array.isArray(out[field])) out[field] = reorder(out[field] as Json[], v, strategy);
  }
  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) {
    for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  }
  return out;
}

function keyOf(item: Json, mergeKey: string): Json | undefined {
  return isMap(item) ? item[mergeKey] : undefined;
}

function mergeList(original: Json[] | undefined, patch: Json[], path: string[]): Json[] {
  const strategy = listStrategy(path);
  if (!strategy) {
    // Replaced whole, but a `$patch: replace` marker item is dropped.
    return patch.filter((x) => !(isMap(x) && x[DIRECTIVE] === 'replace')).map((x) => clone(x));
  }
  if ('primitiveMerge' in strategy) {
    const out = [...(original ?? [])];
    for (const v of patch) if (!out.some((x) => deepEqual(x, v))) out.push(v);
    return out;
  }
  const { mergeKey } = strategy;
  if (patch.some((x) => isMap(x) && x[DIRECTIVE] === 'replace')) {
    return patch.filter((x) => !(isMap(x) && x[DIRECTIVE] === 'replace')).map((x) => clone(x));
  }
  const out = [...(original ?? [])];
  for (const item of patch) {
    if (!isMap(item)) {
      out.push(item);
      continue;
    }
    const key = item[mergeKey];
    if (key === undefined) throw new PatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
    const i = out.findIndex((x) => deepEqual(keyOf(x, mergeKey), key));
    if (item[DIRECTIVE] === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = mergeMap(isMap(out[i]) ? (out[i] as JsonMap) : {}, item, path);
    else out.push(mergeMap({}, item, path));
  }
  return out;
}

function reorder(list: Json[], order: Json[], strategy: ListStrategy): Json[] {
  const same = (a: Json, b: Json) => (strategy && 'mergeKey' in strategy ? deepEqual(keyOf(a, strategy.mergeKey), keyOf(b, strategy.mergeKey)) : deepEqual(a, b));
  const ordered: Json[] = [];
  for (const o of order) {
    const found = list.find((x) => same(x, o));
    if (found !== undefined && !ordered.includes(found)) ordered.push(found);
  }
  return [...ordered, ...list.filter((x) => !ordered.includes(x))];
}

// ---------------------------------------------------------------------------------------------------------------
// Three-way merge (kubectl apply)

/**
 * The strategic patch `kubectl apply` sends: what `modified` adds or changes relative to `current`, plus what it
 * removes relative to `original` (the last applied configuration). Fields only the server or controllers set
 * stay untouched; fields removed from the file are deleted.
 */
export function threeWayMergePatch(original: Json | undefined, modified: Json, current: Json): JsonMap {
  const o = isMap(original) ? original : {};
  const m = isMap(modified) ? modified : {};
  const c = isMap(current) ? current : {};
  return diffMap(o, m, c, []);
}

function diffMap(original: JsonMap, modified: JsonMap, current: JsonMap, path: string[]): JsonMap {
  const patch: JsonMap = {};
  for (const [k, mv] of Object.entries(modified)) {
    const cv = current[k];
    const ov = original[k];
    const childPath = [...path, k];
    if (cv === undefined) {
      patch[k] = clone(mv);
      continue;
    }
    if (isMap(mv) && isMap(cv)) {
      const sub = diffMap(isMap(ov) ? ov : {}, mv, cv, childPath);
      if (Object.keys(sub).length) {
        if (retainsKeys(childPath)) sub[RETAIN_KEYS] = Object.keys(mv).sort();
        patch[k] = sub;
      }
      continue;
    }
    if (Array.isArray(mv) && Array.isArray(cv)) {
      const strategy = listStrategy(childPath);
      if (strategy && 'mergeKey' in strategy) {
        const sub = diffKeyedList(Array.isArray(ov) ? ov : [], mv, cv, childPath, strategy.mergeKey);
        if (sub.length) {
          patch[k] = sub;
          patch[SET_ORDER + k] = mv.map((x) => ({ [strategy.mergeKey]: keyOf(x, strategy.mergeKey) ?? null }));
        }
        continue;
      }
      if (strategy && 'primitiveMerge' in strategy) {
        const added = mv.filter((x) => !cv.some((y) => deepEqual(x, y)));
        const removed = (Array.isArray(ov) ? ov : []).filter((x) => !mv.some((y) => deepEqual(x, y)) && cv.some((y) => deepEqual(x, y)));
        if (added.length) patch[k] = added;
        if (removed.length) patch[DELETE_PRIMITIVE + k] = removed;
        continue;
      }
    }
    if (!deepEqual(mv, cv)) patch[k] = clone(mv);
  }
  for (const k of Object.keys(original)) {
    if (k in modified) continue;
    if (k in current) patch[k] = null;
  }
  return patch;
}

function diffKeyedList(original: Json[], modified: Json[], current: Json[], path: string[], mergeKey: string): Json[] {
  const out: Json[] = [];
  for (const mi of modified) {
    if (!isMap(mi)) continue;
    const key = mi[mergeKey];
    const ci = current.find((x) => deepEqual(keyOf(x, mergeKey), key));
    const oi = original.find((x) => deepEqual(keyOf(x, mergeKey), key));
    if (!isMap(ci)) {
      out.push(clone(mi));
      continue;
    }
    const sub = diffMap(isMap(oi) ? oi : {}, mi, ci, path);
    if (Object.keys(sub).length) out.push({ [mergeKey]: key ?? null, ...sub });
  }
  for (const oi of original) {
    const key = keyOf(oi, mergeKey);
    if (key === undefined) continue;
    if (modified.some((x) => deepEqual(keyOf(x, mergeKey), key))) continue;
    if (current.some((x) => deepEqual(keyOf(x, mergeKey), key))) out.push({ [mergeKey]: key, [DIRECTIVE]: 'delete' });
  }
  return out;
}
