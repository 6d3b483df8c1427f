// The API server: every write in the simulation (kubectl, controllers, kubelets) goes through here, as on a real
// cluster. It names, defaults, validates and admits objects, keeps resourceVersions, and runs graceful deletion.
import type { KubeObject, ObjectMeta } from '../api/meta';
import { resourceOfKind, type ResourceType } from '../api/resources';
import { matchesFields, matchesRequirements, type FieldRequirement, type Requirement } from '../api/selectors';
import type { ObjectStore } from '../store/object-store';
import type { Rng } from '../sim/rng';
import type { ClusterConfig } from '../sim/cluster-config';
import { isoSeconds } from '../sim/duration';
import { ApiError, alreadyExists, conflict, invalid, notFound, type FieldError } from './api-error';
import { applyDefaults } from './defaults';
import { validateObject } from './validation';
import { admit, admitServiceUpdate } from './admission';
import type { Service } from '../api/service';
import { deepEqual } from '../api/deep-equal';
import type { Job } from '../api/job';
import { prepareJobForCreate } from '../controllers/job-controller';

export interface ListOptions {
  labelSelector?: Requirement[];
  fieldSelector?: FieldRequirement[];
}

export interface DeleteOptions {
  /** Seconds; undefined uses the object's own (a pod's terminationGracePeriodSeconds). */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  dryRun?: boolean;
}

export interface WriteOptions {
  dryRun?: boolean;
  /**
   * Engine-internal: the caller built `input` for this one call, without undefined fields, and keeps no reference to
   * it, so create stores it without a deep copy (the EventRecorder's events).
   */
  owned?: boolean;
}

/** Kinds whose spec changes bump metadata.generation (the registry strategies that track it). */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'Ingress', 'PodDisruptionBudget', 'CustomResourceDefinition']);

export interface ApiServerDeps {
  store: ObjectStore;
  rng: Rng;
  config: ClusterConfig;
  now: () => number;
}

export class ApiServer {
  constructor(private readonly deps: ApiServerDeps) {}

  get store(): ObjectStore {
    return this.deps.store;
  }

  get config(): ClusterConfig {
    return this.deps.config;
  }

  now(): number {
    return this.deps.now();
  }

  resourceType(kind: string): ResourceType {
    const t = resourceOfKind(kind, this.deps.config.minor);
    if (!t) throw new ApiError('NotFound', `the server could not find the requested resource (kind ${kind})`);
    return t;
  }

  get<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T {
    const obj = this.tryGet<T>(kind, namespace, name);
    if (!obj) {
      const t = this.resourceType(kind);
      throw notFound(t.name, t.group, name);
    }
    return obj;
  }

  tryGet<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const t = resourceOfKind(kind, this.deps.config.minor);
    return this.deps.store.get<T>(kind, t?.namespaced ? namespace : undefined, name);
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string, options: ListOptions = {}): T[] {
    let items = this.deps.store.list<T>(kind, namespace);
    const { labelSelector, fieldSelector } = options;
    if (labelSelector?.length) items = items.filter((o) => matchesRequirements(o.metadata.labels, labelSelector));
    if (fieldSelector?.length) items = items.filter((o) => matchesFields(o, fieldSelector));
    return items;
  }

  /** POST: names, defaults, admits, validates and stores a new object. */
  create<T extends KubeObject>(input: T, options: WriteOptions = {}): T {
    const t = this.resourceType(input.kind);
    const obj = options.owned ? input : structuredCopy(input);
    const meta: ObjectMeta = (obj.metadata ??= {});
    if (!t.namespaced) delete meta.namespace;
    else meta.namespace ||= 'default';
    if (!meta.name && meta.generateName) {
      meta.name = this.generateName(input.kind, meta.namespace, meta.generateName);
    }
    if (!meta.name) {
      throw invalid(t.kind, t.group, '', [{ field: 'metadata.name', type: 'Required value', detail: 'name or generateName is required' }]);
    }
    if (t.namespaced && meta.namespace !== undefined && !this.deps.store.get('Namespace', undefined, meta.namespace)) {
      throw notFound('namespaces', '', meta.namespace);
    }
    if (this.deps.store.get(obj.kind, meta.namespace, meta.name)) throw alreadyExists(t.name, t.group, meta.name);
    if (meta.namespace && this.deps.store.get<KubeObject>('Namespace', undefined, meta.namespace)?.metadata.deletionTimestamp) {
      throw new ApiError('Forbidden', `${t.name} "${meta.name}" is forbidden: unable to create new content in namespace ${meta.namespace} because it is being terminated`);
    }
    meta.uid = this.deps.rng.uuid();
    meta.creationTimestamp = isoSeconds(this.now());
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (GENERATION_KINDS.has(obj.kind)) meta.generation = 1;
    else delete meta.generation;
    applyDefaults(obj, { minor: this.deps.config.minor });
    if (obj.kind === 'Job') Object.assign(obj, prepareJobForCreate(obj as unknown as Job, this.deps.config.minor));
    const errors = validateObject(obj, undefined, this.deps.config);
    if (errors.length) throw invalid(t.kind, t.group, meta.name, errors);
    admit(obj, { api: this, rng: this.deps.rng, config: this.deps.config, now: this.now() });
    if (options.dryRun) return { ...obj, metadata: { ...obj.metadata } } as T;
    return this.deps.store.insert(obj) as T;
  }

  /** PUT: replaces an object. A resourceVersion in the input must match the stored one (optimistic concurrency). */
  update<T extends KubeObject>(input: T, options: WriteOptions & { subresource?: 'status' } = {}): T {
    const t = this.resourceType(input.kind);
    const ns = t.namespaced ? input.metadata.namespace || 'default' : undefined;
    const name = input.metadata.name ?? '';
    const old = this.deps.store.get(input.kind, ns, name);
    if (!old) throw notFound(t.name, t.group, name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(t.name, t.group, name);
    }
    if (options.subresource === 'status') {
      // The status subresource changes status only; the rest of the object is the stored one.
      if (deepEqual(old.status, input.status)) return old as T;
      if (options.dryRun) return { ...old, status: input.status } as T;
      return this.store.replace({ ...old, status: structuredCopy(input.status) }) as T;
    }
    const obj = structuredCopy(input);
    // Immutable metadata is kept from the stored object.
    obj.metadata = {
      ...obj.metadata,
      namespace: ns,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      deletionTimestamp: old.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
      generation: old.metadata.generation,
    };
    if (obj.metadata.deletionTimestamp === undefined) delete obj.metadata.deletionTimestamp;
    if (obj.metadata.deletionGracePeriodSeconds === undefined) delete obj.metadata.deletionGracePeriodSeconds;
    if (obj.metadata.generation === undefined) delete obj.metadata.generation;
    if (ns === undefined) delete obj.metadata.namespace;
    if (hasStatusSubresource(obj.kind)) obj.status = old.status;
    if (obj.kind === 'Service') admitServiceUpdate(obj as unknown as Service, old as Service, { api: this, rng: this.deps.rng, config: this.deps.config, now: this.now() });
    applyDefaults(obj, { minor: this.deps.config.minor });
    const errors = validateObject(obj, old, this.deps.config);
    if (errors.length) throw invalid(t.kind, t.group, name, errors);
    if (obj.metadata.generation !== undefined && !deepEqual(old.spec, obj.spec)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    if (options.dryRun) return obj as T;
    if (sameContent(old, obj)) return old as T;
    // Removing the last finalizer of an object being deleted lets it go.
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && this.readyToRemove(obj)) {
      this.deps.store.replace(obj);
      this.deps.store.remove(obj.kind, ns, name);
      return obj as T;
    }
    return this.deps.store.replace(obj) as T;
  }

  /** Writes status only (what controllers and kubelets do); no validation of spec. */
  updateStatus<T extends KubeObject>(obj: T): T {
    return this.update(obj, { subresource: 'status' });
  }

  /**
   * DELETE. Objects with finalizers, or pods with a grace period, get a deletionTimestamp and stay until their
   * finalizers are gone / the kubelet confirms; others are removed at once. Dependents are the garbage collector's.
   */
  delete(kind: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    const t = this.resourceType(kind);
    const ns = t.namespaced ? namespace || 'default' : undefined;
    const old = this.deps.store.get(kind, ns, name);
    if (!old) throw notFound(t.name, t.group, name);
    if (kind === 'Namespace' && ['default', 'kube-system', 'kube-public'].includes(name)) {
      throw new ApiError('Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`);
    }
    if (options.dryRun) return old;
    if (kind === 'Namespace') {
      // The namespace controller empties it, then lets it go.
      if (old.metadata.deletionTimestamp) return old;
      return this.deps.store.replace({ ...old, metadata: { ...old.metadata, deletionTimestamp: isoSeconds(this.now()) }, status: { phase: 'Terminating' } });
    }
    const finalizers = [...(old.metadata.finalizers ?? [])];
    if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    let grace = 0;
    if (kind === 'Pod') grace = this.podGracePeriod(old, options.gracePeriodSeconds);
    if (old.metadata.deletionTimestamp) {
      // Already being deleted: a shorter grace period may still hurry it along (kubectl delete --now / --force).
      if (kind === 'Pod' && options.gracePeriodSeconds !== undefined && grace < (old.metadata.deletionGracePeriodSeconds ?? 0)) {
        return this.markDeleting(old, grace, finalizers);
      }
      if (kind === 'Pod' && grace === 0 && !finalizers.length) return this.removeNow(old);
      return old;
    }
    if (grace > 0 || finalizers.length > 0) return this.markDeleting(old, grace, finalizers);
    return this.removeNow(old);
  }

  private markDeleting(old: KubeObject, grace: number, finalizers: string[]): KubeObject {
    const meta: ObjectMeta = {
      ...old.metadata,
      deletionTimestamp: isoSeconds(this.now() + grace * 1000),
      deletionGracePeriodSeconds: grace,
      finalizers: finalizers.length ? finalizers : undefined,
    };
    if (!meta.finalizers) delete meta.finalizers;
    if (meta.generation !== undefined) meta.generation += 1;
    if (grace === 0 && !finalizers.length) return this.removeNow({ ...old, metadata: meta });
    return this.deps.store.replace({ ...old, metadata: meta });
  }

  private removeNow(obj: KubeObject): KubeObject {
    this.deps.store.remove(obj.kind, obj.metadata.namespace, obj.metadata.name!);
    return obj;
  }

  private readyToRemove(obj: KubeObject): boolean {
    // A terminating pod stays until the kubelet (or a grace period of 0) lets it go.
    return obj.kind !== 'Pod' || obj.metadata.deletionGracePeriodSeconds === 0;
  }

  private podGracePeriod(pod: KubeObject, requested: number | undefined): number {
    const spec = pod.spec as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    // Unscheduled or finished pods have nothing to stop: the API server deletes them at once.
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    if (requested !== undefined) return Math.max(0, requested);
    return spec.terminationGracePeriodSeconds ?? 30;
  }

  private generateName(kind: string, namespace: string | undefined, prefix: string): string {
    // Kubernetes truncates the prefix so the whole name fits 63 characters, then appends 5 random characters.
    const base = prefix.length > 58 ? prefix.slice(0, 58) : prefix;
    for (;;) {
      const name = base + this.deps.rng.nameSuffix();
      if (!this.deps.store.get(kind, namespace, name)) return name;
    }
  }
}

function hasStatusSubresource(kind: string): boolean {
  return !['ConfigMap', 'Secret', 'Event', 'Endpoints', 'EndpointSlice', 'ServiceAccount'].includes(kind);
}

/** Equal but for resourceVersion. Status and metadata first: that is where writes usually differ, so it fails fast. */
function sameContent(a: KubeObject, b: KubeObject): boolean {
  if (!deepEqual(a.status, b.status)) return false;
  const ma = { ...a.metadata, resourceVersion: undefined };
  const mb = { ...b.metadata, resourceVersion: undefined };
  if (!deepEqual(ma, mb)) return false;
  return deepEqual({ ...a, metadata: undefined, status: undefined }, { ...b, metadata: undefined, status: undefined });
}

/** A deep copy of plain JSON data (undefined fields are dropped, as JSON would drop them). */
export function structuredCopy<T>(value: T): T {
  return copyJson(value) as T;
}

function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : copyJson(v)));
  const out: Record<string, unknown> = {};
  for (const k in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined && typeof v !== 'function') out[k] = copyJson(v);
  }
  return out;
}

export type { FieldError };
