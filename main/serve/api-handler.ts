// The Kubernetes API over a Session: one function from a request to a reply (or a watch to stream). The HTTP
// plumbing is http-server.ts; this file knows paths, verbs, bodies and Status errors, and nothing of sockets.
import type { KubeObject } from '../../src/api/meta';
import { groupVersion, type ResourceType } from '../../src/api/resources';
import { parseFieldSelector, parseLabelSelector, SelectorParseError, type FieldRequirement, type Requirement } from '../../src/api/selectors';
import { ApiError, badRequest, conflict } from '../../src/apiserver/api-error';
import { jsonMergePatch, jsonPatch, PatchError, strategicMergePatch, type Json } from '../../src/apiserver/patch';
import { serverVersionInfo } from '../../src/kubectl/commands/version';
import type { Session } from '../../src/host/session';
import { aggregatedDiscovery, AGGREGATED_V2, apiGroupList, apiResourceList, apiVersions, servedGroups } from './discovery';
import { openApiV2, openApiV3Document, openApiV3Index } from './openapi';
import { parseResourcePath, type ResourcePath } from './resource-path';
import { errorReply, jsonReply, methodNotAllowed, notFoundReply, statusBody, type HttpReply } from './status';
import { tableOf, wantsTable, type IncludeObject } from './table-response';
import { decodeContinue, encodeContinue } from './list-pages';
import { deprecationWarning, unknownFieldWarnings } from './warnings';
import { decodeProtobufObject, PROTOBUF, ProtobufBodyError } from './protobuf-body';
import { managerOfRequest, recordUpdate } from '../../src/apiserver/managed-fields';
import { EVICTION_SUCCESS, evictPod } from '../../src/apiserver/eviction';
import { applyPatch, APPLY_PATCH } from './apply-patch';

export interface ApiRequest {
  method: string;
  /** Path and query, as in the request line. */
  url: string;
  headers: Record<string, string | undefined>;
  body: string;
  /** The body's bytes (protobuf bodies are binary). */
  raw?: Buffer;
}

/** A watch the HTTP layer streams: which objects, from which resourceVersion, in which form. */
export interface WatchPlan {
  type: ResourceType;
  namespace?: string;
  labelSelector: Requirement[];
  fieldSelector: FieldRequirement[];
  resourceVersion: string;
  asTable: boolean;
  include: IncludeObject;
  bookmarks: boolean;
  timeoutSeconds?: number;
  /** Send the existing objects first (resourceVersion unset or 0, or sendInitialEvents=true). */
  sendInitialEvents: boolean;
}

export type ApiResponse = { reply: HttpReply } | { watch: WatchPlan };

/** The Kubernetes API served from a session (its simulation can be replaced by a reset: always read session.sim). */
export class ApiHandler {
  constructor(private readonly session: Session) {}

  private get sim() {
    return this.session.sim;
  }

  private get minor(): number {
    return this.sim.config.minor;
  }

  handle(req: ApiRequest): ApiResponse {
    try {
      return this.route(req);
    } catch (e) {
      if (e instanceof ApiError) return { reply: errorReply(e) };
      if (e instanceof PatchError) return { reply: errorReply(badRequest(e.message)) };
      if (e instanceof SelectorParseError) return { reply: errorReply(badRequest(e.message)) };
      return { reply: jsonReply(500, statusBody(500, 'InternalError', `Internal error occurred: ${(e as Error).message}`)) };
    }
  }

  private route(req: ApiRequest): ApiResponse {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const q = url.searchParams;
    const accept = req.headers.accept ?? '';
    const get = req.method === 'GET' || req.method === 'HEAD';
    switch (path) {
      case '/version':
        return reply(jsonReply(200, serverVersionInfo(this.minor)));
      case '/healthz':
      case '/livez':
      case '/readyz':
        return reply({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' });
      case '/api':
        if (accept.includes('v=v2;') || accept.includes('v=v2,') || accept.endsWith('v=v2')) {
          if (/as=APIGroupDiscoveryList/.test(accept) && /g=apidiscovery\.k8s\.io;v=v2(;|,|$)/.test(accept)) return reply(jsonReply(200, aggregatedDiscovery(this.minor, true), { 'Content-Type': AGGREGATED_V2 }));
        }
        return reply(jsonReply(200, apiVersions()));
      case '/apis':
        if (/as=APIGroupDiscoveryList/.test(accept) && /g=apidiscovery\.k8s\.io;v=v2(;|,|$)/.test(accept)) return reply(jsonReply(200, aggregatedDiscovery(this.minor, false), { 'Content-Type': AGGREGATED_V2 }));
        return reply(jsonReply(200, apiGroupList(this.minor)));
      case '/openapi/v2':
        // kubectl asks for the protobuf form when a group/version is missing from v3 (validating an old apiVersion):
        // an empty openapi_v2.Document is zero bytes, so it learns that no schema exists and maps the kind itself.
        if (accept.includes('protobuf')) return reply({ status: 200, headers: { 'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' }, body: '' });
        return reply(jsonReply(200, openApiV2(this.minor)));
      case '/openapi/v3':
        return reply(jsonReply(200, openApiV3Index(this.minor)));
    }
    if (path.startsWith('/openapi/v3/')) {
      const doc = openApiV3Document(this.minor, path.slice('/openapi/v3/'.length));
      return reply(doc ? jsonReply(200, doc) : notFoundReply());
    }
    const parsed = parseResourcePath(path, this.minor);
    if (parsed.kind === 'unknown') return reply(notFoundReply());
    if (parsed.kind === 'group-version') {
      if (!get) return reply(methodNotAllowed());
      return reply(jsonReply(200, apiResourceList(this.minor, parsed.group, parsed.version)));
    }
    if (parsed.kind === 'group') {
      const g = servedGroups(this.minor).find((x) => x.name === parsed.group)!;
      const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
      return reply(jsonReply(200, { kind: 'APIGroup', apiVersion: 'v1', name: g.name, versions, preferredVersion: versions[0] }));
    }
    const rp = parsed.path;
    const warnings: string[] = [];
    const deprecated = deprecationWarning(rp.type, this.minor);
    if (deprecated) warnings.push(deprecated);
    const response = this.resource(req, rp, q, accept, warnings);
    if ('reply' in response && warnings.length) {
      response.reply.headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
    }
    return response;
  }

  private resource(req: ApiRequest, rp: ResourcePath, q: URLSearchParams, accept: string, warnings: string[]): ApiResponse {
    const { type, namespace, name, subresource } = rp;
    if (subresource === 'eviction' && type.kind === 'Pod' && name !== undefined) return reply(this.evict(req, namespace ?? 'default', name, q));
    if (subresource && subresource !== 'status' && subresource !== 'scale') return reply(notFoundReply());
    if (subresource === 'scale' && !['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(type.kind)) return reply(notFoundReply());
    const dryRun = q.getAll('dryRun').includes('All');
    switch (req.method) {
      case 'GET':
      case 'HEAD': {
        if (name === undefined) {
          if (isTrue(q.get('watch'))) return { watch: this.watchPlan(type, namespace, q, accept) };
          return reply(this.list(type, namespace, q, accept));
        }
        const obj = this.present(this.sim.api.get(type.kind, namespace, name), type);
        if (subresource === 'scale') return reply(jsonReply(200, scaleOf(obj)));
        if (wantsTable(accept)) return reply(jsonReply(200, this.table(type, [obj], q)));
        return reply(jsonReply(200, obj));
      }
      case 'POST': {
        if (name !== undefined) return reply(methodNotAllowed());
        const input = this.body(req, type);
        if (type.namespaced) {
          const ns = namespace ?? 'default';
          if (input.metadata.namespace && input.metadata.namespace !== ns) {
            throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
          }
          input.metadata.namespace = ns;
        }
        warnings.push(...this.fieldWarnings(input, q, type.kind));
        const created = this.sim.api.create(this.record(undefined, input, req, q), { dryRun });
        this.sim.settle();
        return reply(jsonReply(201, this.present(created, type)));
      }
      case 'PUT': {
        if (name === undefined) return reply(methodNotAllowed());
        if (subresource === 'scale') return reply(jsonReply(200, this.writeScale(type, namespace, name, readBody(req) as unknown as ScaleDoc, dryRun, this.manager(req, q))));
        const input = this.body(req, type);
        if (input.metadata.name && input.metadata.name !== name) throw badRequest(`the name of the object (${input.metadata.name}) does not match the name on the URL (${name})`);
        input.metadata.name = name;
        if (type.namespaced) input.metadata.namespace = namespace ?? 'default';
        warnings.push(...this.fieldWarnings(input, q, type.kind));
        const status = subresource === 'status' ? 'status' : undefined;
        const before = this.sim.api.tryGet(type.kind, input.metadata.namespace, name);
        const recorded = before ? this.record(before, input, req, q, status) : input;
        const updated = this.sim.api.update(recorded, { dryRun, subresource: status });
        this.sim.settle();
        return reply(jsonReply(200, this.present(updated, type)));
      }
      case 'PATCH': {
        if (name === undefined) return reply(methodNotAllowed());
        const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
        if (contentType === APPLY_PATCH) {
          if (subresource) throw new ApiError('UnsupportedMediaType', `apply patches are not served on the ${subresource} subresource by Kubeville`);
          const applied = applyPatch(this.sim, { type, namespace, name, body: req.body, query: q, dryRun, present: (o) => this.present(o, type), fieldWarnings: (o) => this.fieldWarnings(o, q, type.kind) });
          warnings.push(...applied.warnings);
          return reply(jsonReply(applied.created ? 201 : 200, applied.object));
        }
        const live = this.sim.api.get(type.kind, namespace, name);
        let patch: Json;
        try {
          patch = JSON.parse(req.body) as Json;
        } catch (e) {
          throw badRequest(`error decoding patch: ${(e as Error).message}`);
        }
        if (subresource === 'scale') {
          const next = patchJson(scaleOf(live) as unknown as Json, patch, contentType) as unknown as ScaleDoc;
          return reply(jsonReply(200, this.writeScale(type, namespace, name, next, dryRun, this.manager(req, q))));
        }
        const next = patchJson(this.present(live, type) as unknown as Json, patch, contentType) as unknown as KubeObject;
        next.kind = type.kind;
        next.metadata = { ...next.metadata, name, namespace: type.namespaced ? namespace : undefined };
        if (!next.metadata.resourceVersion) next.metadata.resourceVersion = live.metadata.resourceVersion;
        next.apiVersion = live.apiVersion;
        if (patch && typeof patch === 'object' && !Array.isArray(patch)) warnings.push(...this.fieldWarnings(patch as unknown as KubeObject, q, type.kind, true));
        const status = subresource === 'status' ? 'status' : undefined;
        const updated = this.sim.api.update(this.record(live, next, req, q, status), { dryRun, subresource: status });
        this.sim.settle();
        return reply(jsonReply(200, this.present(updated, type)));
      }
      case 'DELETE': {
        if (subresource) return reply(methodNotAllowed());
        const options = req.body.trim() ? (JSON.parse(req.body) as DeleteOptionsDoc) : {};
        const policy = q.get('propagationPolicy') ?? options.propagationPolicy;
        const graceText = q.get('gracePeriodSeconds');
        const grace = graceText !== null ? Number(graceText) : options.gracePeriodSeconds;
        const opts = { propagationPolicy: policy as 'Background' | 'Foreground' | 'Orphan' | undefined, gracePeriodSeconds: grace ?? undefined, dryRun: dryRun || (options.dryRun ?? []).includes('All') };
        if (name === undefined) {
          // deletecollection
          const items = this.select(type, namespace, q);
          for (const o of items) this.sim.api.delete(type.kind, o.metadata.namespace, o.metadata.name!, opts);
          this.sim.settle();
          return reply(jsonReply(200, this.listDoc(type, items.map((o) => this.present(o, type)))));
        }
        const before = this.sim.api.get(type.kind, namespace, name);
        this.sim.api.delete(type.kind, namespace, name, opts);
        this.sim.settle();
        const after = this.sim.api.tryGet(type.kind, namespace, name);
        if (after && after.metadata.uid === before.metadata.uid) return reply(jsonReply(200, this.present(after, type)));
        return reply(
          jsonReply(200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name, group: type.group || undefined, kind: type.name, uid: before.metadata.uid } }),
        );
      }
      default:
        return reply(methodNotAllowed());
    }
  }

  /** The request's field manager: `?fieldManager=`, else the User-Agent's first word. */
  private manager(req: ApiRequest, q: URLSearchParams): string {
    return managerOfRequest(q.get('fieldManager'), req.headers['user-agent']);
  }

  /** A user's write with the managedFields the API server records for it (an Update by the request's manager). */
  private record(live: KubeObject | undefined, next: KubeObject, req: ApiRequest, q: URLSearchParams, subresource?: 'status' | 'scale'): KubeObject {
    return recordUpdate(live, next, this.manager(req, q), { now: this.sim.now(), minor: this.minor, subresource });
  }

  /** The object as this group/version shows it (the store keeps the preferred version). */
  private present(obj: KubeObject, type: ResourceType): KubeObject {
    const gv = groupVersion(type);
    return obj.apiVersion === gv ? obj : { ...obj, apiVersion: gv };
  }

  /** POST pods/NAME/eviction: a policy/v1 (or v1beta1) Eviction; 201 with a Success Status, or the budget's 429. */
  private evict(req: ApiRequest, namespace: string, name: string, q: URLSearchParams): HttpReply {
    if (req.method !== 'POST') return methodNotAllowed();
    const eviction = readBody(req) as { kind?: string; metadata?: { name?: string }; deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] } };
    if (eviction.kind && eviction.kind !== 'Eviction') throw badRequest(`not an Eviction: ${eviction.kind}`);
    if (eviction.metadata?.name && eviction.metadata.name !== name) throw badRequest('name in URL does not match name in Eviction object');
    const dryRun = q.getAll('dryRun').includes('All') || (eviction.deleteOptions?.dryRun ?? []).includes('All');
    evictPod(this.sim.api, namespace, name, { gracePeriodSeconds: eviction.deleteOptions?.gracePeriodSeconds, dryRun });
    this.sim.settle();
    return jsonReply(201, EVICTION_SUCCESS);
  }

  private body(req: ApiRequest, type: ResourceType): KubeObject {
    const obj = readBody(req) as unknown as KubeObject;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw badRequest('the object provided is unrecognized');
    obj.metadata ??= {};
    if (obj.kind && obj.kind !== type.kind) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${groupVersion(type)})`);
    }
    obj.kind = type.kind;
    obj.apiVersion = this.sim.store.list(type.kind)[0]?.apiVersion ?? groupVersion(type);
    return obj;
  }

  private fieldWarnings(obj: KubeObject, q: URLSearchParams, kind: string, isPatch = false): string[] {
    const mode = q.get('fieldValidation') ?? 'Warn';
    if (mode === 'Ignore') return [];
    const unknown = unknownFieldWarnings(obj, kind, isPatch);
    if (mode === 'Strict' && unknown.length) {
      const version = (obj.apiVersion ?? '').split('/').pop() ?? '';
      throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${unknown.join(', ')}`);
    }
    return unknown;
  }

  private select(type: ResourceType, namespace: string | undefined, q: URLSearchParams): KubeObject[] {
    const labelSelector = parseLabelSelector(q.get('labelSelector') ?? '');
    const fieldSelector = parseFieldSelector(q.get('fieldSelector') ?? '');
    return this.sim.api.list(type.kind, type.namespaced ? namespace : undefined, { labelSelector, fieldSelector });
  }

  private list(type: ResourceType, namespace: string | undefined, q: URLSearchParams, accept: string): HttpReply {
    let items = this.select(type, namespace, q);
    const rv = String(this.sim.store.resourceVersion);
    const limit = Number(q.get('limit') ?? 0);
    let continueToken: string | undefined;
    const cont = q.get('continue');
    if (cont) {
      const from = decodeContinue(cont);
      if (!from) throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
      items = items.filter((o) => after(o, from.start));
    }
    let remaining: number | undefined;
    if (limit > 0 && items.length > limit) {
      remaining = items.length - limit;
      items = items.slice(0, limit);
      continueToken = encodeContinue({ rv, start: keyOf(items[items.length - 1]) });
    }
    if (wantsTable(accept)) return jsonReply(200, this.table(type, items, q, continueToken, remaining));
    const doc = this.listDoc(type, items.map((o) => this.present(o, type)), continueToken, remaining);
    return jsonReply(200, doc);
  }

  private listDoc(type: ResourceType, items: KubeObject[], continueToken?: string, remaining?: number): Record<string, unknown> {
    const metadata: Record<string, unknown> = { resourceVersion: String(this.sim.store.resourceVersion) };
    if (continueToken) metadata.continue = continueToken;
    if (remaining !== undefined) metadata.remainingItemCount = remaining;
    return { kind: `${type.kind}List`, apiVersion: groupVersion(type), metadata, items };
  }

  table(type: ResourceType, objects: KubeObject[], q: URLSearchParams, continueToken?: string, remaining?: number): Record<string, unknown> {
    const include = (q.get('includeObject') ?? 'Metadata') as IncludeObject;
    const t = tableOf(type.kind, objects.map((o) => this.present(o, type)), {
      now: this.sim.now(),
      minor: this.minor,
      resourceVersion: String(this.sim.store.resourceVersion),
      include,
      continueToken,
    });
    if (remaining !== undefined) (t.metadata as Record<string, unknown>).remainingItemCount = remaining;
    return t;
  }

  private watchPlan(type: ResourceType, namespace: string | undefined, q: URLSearchParams, accept: string): WatchPlan {
    const rv = q.get('resourceVersion') ?? '';
    const timeout = q.get('timeoutSeconds');
    const sendInitial = q.get('sendInitialEvents');
    return {
      type,
      namespace: type.namespaced ? namespace : undefined,
      labelSelector: parseLabelSelector(q.get('labelSelector') ?? ''),
      fieldSelector: parseFieldSelector(q.get('fieldSelector') ?? ''),
      resourceVersion: rv,
      asTable: wantsTable(accept),
      include: (q.get('includeObject') ?? 'Metadata') as IncludeObject,
      bookmarks: isTrue(q.get('allowWatchBookmarks')),
      timeoutSeconds: timeout ? Number(timeout) : undefined,
      sendInitialEvents: sendInitial !== null ? isTrue(sendInitial) : rv === '' || rv === '0',
    };
  }

  private writeScale(type: ResourceType, namespace: string | undefined, name: string, scale: ScaleDoc, dryRun: boolean, manager: string): ScaleDoc {
    const live = this.sim.api.get(type.kind, namespace, name);
    const replicas = scale.spec?.replicas;
    if (typeof replicas !== 'number' || replicas < 0 || !Number.isInteger(replicas)) {
      throw new ApiError('Invalid', `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${String(replicas)}: must be greater than or equal to 0`);
    }
    if (scale.metadata?.resourceVersion && scale.metadata.resourceVersion !== live.metadata.resourceVersion) throw conflict(type.name, type.group, name);
    const next = recordUpdate(live, { ...live, spec: { ...(live.spec as object), replicas } }, manager, { now: this.sim.now(), minor: this.minor, subresource: 'scale' });
    const updated = this.sim.api.update(next, { dryRun });
    this.sim.settle();
    return scaleOf(updated);
  }
}

interface DeleteOptionsDoc {
  propagationPolicy?: string;
  gracePeriodSeconds?: number;
  dryRun?: string[];
}

interface ScaleDoc {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: { name?: string; namespace?: string; uid?: string; resourceVersion?: string; creationTimestamp?: string };
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

function scaleOf(obj: KubeObject): ScaleDoc {
  const spec = obj.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  const status = obj.status as { replicas?: number } | undefined;
  const m = obj.metadata;
  const selector = Object.entries(spec.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 1 },
    status: { replicas: status?.replicas ?? 0, selector: selector || undefined },
  };
}

/** A create or update body: JSON, or Kubernetes protobuf for the kinds kubectl's typed commands send. */
function readBody(req: ApiRequest): Record<string, unknown> {
  const contentType = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim();
  if (contentType === PROTOBUF) {
    try {
      return decodeProtobufObject(req.raw ?? Buffer.from(req.body, 'utf8'));
    } catch (e) {
      if (!(e instanceof ProtobufBodyError)) throw e;
      if (e.unsupported) throw new ApiError('UnsupportedMediaType', e.message);
      throw badRequest(e.message);
    }
  }
  if (contentType !== 'application/json' && contentType !== '*/*') {
    throw new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(req.body) as Record<string, unknown>;
  } catch (e) {
    throw badRequest(`the object provided is unrecognized (${(e as Error).message})`);
  }
  return obj;
}

function patchJson(doc: Json, patch: Json, contentType: string): Json {
  switch (contentType) {
    case 'application/json-patch+json':
      return jsonPatch(doc, patch);
    case 'application/merge-patch+json':
      return jsonMergePatch(doc, patch);
    case 'application/strategic-merge-patch+json':
      return strategicMergePatch(doc, patch);
    default:
      throw new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
  }
}

function keyOf(o: KubeObject): [string, string] {
  return [o.metadata.namespace ?? '', o.metadata.name ?? ''];
}

/** Whether an object comes after a (namespace, name) key in the store's order. */
function after(o: KubeObject, [ns, name]: [string, string]): boolean {
  const [a, b] = keyOf(o);
  return a > ns || (a === ns && b > name);
}

function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}

function reply(r: HttpReply): ApiResponse {
  return { reply: r };
}
