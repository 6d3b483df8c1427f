// PATCH with Content-Type application/apply-patch+yaml: server-side apply (`kubectl apply --server-side`). The body
// is the applied configuration (YAML or JSON); `fieldManager` is required, `force=true` takes conflicting fields.
// A missing object is created by the apply (201), as on a real API server.
import { load, YAMLException } from 'js-yaml';
import type { KubeObject } from '../../src/api/meta';
import { groupVersion, type ResourceType } from '../../src/api/resources';
import { ApiError, badRequest } from '../../src/apiserver/api-error';
import { serverSideApply } from '../../src/apiserver/server-side-apply';
import type { Simulation } from '../../src/sim/simulation';

export const APPLY_PATCH = 'application/apply-patch+yaml';

export interface ApplyPatchRequest {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  body: string;
  query: URLSearchParams;
  dryRun: boolean;
  /** The object in the request's group/version. */
  present(obj: KubeObject): KubeObject;
  /** `unknown field` warnings (or the Strict error) for the configuration. */
  fieldWarnings(obj: KubeObject): string[];
}

export function applyPatch(sim: Simulation, r: ApplyPatchRequest): { object: KubeObject; created: boolean; warnings: string[] } {
  const manager = r.query.get('fieldManager');
  if (!manager) throw new ApiError('Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  let config: unknown;
  try {
    config = load(r.body);
  } catch (e) {
    if (e instanceof YAMLException) throw badRequest(`error decoding YAML: ${e.reason}`);
    throw e;
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw badRequest('error decoding YAML: the applied configuration is not an object');
  const obj = config as KubeObject;
  const gv = groupVersion(r.type);
  if (obj.apiVersion !== gv) throw badRequest(`Incorrect version specified in apply patch. Specified patch version: ${String(obj.apiVersion)}, expected: ${gv}`);
  if (obj.kind !== r.type.kind) throw badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${r.type.kind})`);
  obj.metadata ??= {};
  if (obj.metadata.name && obj.metadata.name !== r.name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${r.name})`);
  if (r.type.namespaced && obj.metadata.namespace && obj.metadata.namespace !== (r.namespace ?? 'default')) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if ((obj.metadata as { managedFields?: unknown }).managedFields != null) throw badRequest('metadata.managedFields must be nil');
  obj.metadata.name = r.name;
  if (r.type.namespaced) obj.metadata.namespace = r.namespace ?? 'default';
  const warnings = r.fieldWarnings(obj);
  const stored = sim.api.tryGet(r.type.kind, r.namespace, r.name);
  const result = serverSideApply(stored && r.present(stored), obj, { manager, force: r.query.get('force') === 'true', now: sim.now() });
  result.apiVersion = stored?.apiVersion ?? sim.store.list(r.type.kind)[0]?.apiVersion ?? gv;
  result.kind = r.type.kind;
  const written = stored ? sim.api.update(result, { dryRun: r.dryRun }) : sim.api.create(result, { dryRun: r.dryRun });
  sim.settle();
  return { object: r.present(written), created: !stored, warnings };
}
