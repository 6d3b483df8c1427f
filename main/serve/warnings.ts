// `Warning:` headers: deprecated API versions, and fields the API server does not know (fieldValidation=Warn).
import type { KubeObject } from '../../src/api/meta';
import { groupVersion, servedResources, type ResourceType } from '../../src/api/resources';
import { checkAgainstSchema, schemaTypeOf } from '../../src/explain/schema-check';

/** When each deprecated group/version was deprecated (the API server's own warning text names it). */
const DEPRECATED_IN: Record<string, number> = {
  'batch/v1beta1': 21,
  'flowcontrol.apiserver.k8s.io/v1beta2': 26,
  'flowcontrol.apiserver.k8s.io/v1beta3': 29,
};

/** `batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob` */
export function deprecationWarning(type: ResourceType, minor: number): string | undefined {
  if (type.servedUntil === undefined) return undefined;
  const gv = groupVersion(type);
  const since = DEPRECATED_IN[gv];
  if (since === undefined || minor < since) return undefined;
  const replacement = servedResources(99).find((t) => t.group === type.group && t.name === type.name && t.servedUntil === undefined);
  const use = replacement ? `; use ${groupVersion(replacement)} ${replacement.kind}` : '';
  return `${gv} ${type.kind} is deprecated in v1.${since}+, unavailable in v1.${type.servedUntil + 1}+${use}`;
}

const TOP_LEVEL: Record<string, string[]> = {
  '*': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  ConfigMap: ['data', 'binaryData', 'immutable'],
  Secret: ['data', 'stringData', 'type', 'immutable'],
  Event: ['involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'],
  Endpoints: ['subsets'],
  EndpointSlice: ['addressType', 'endpoints', 'ports'],
  ServiceAccount: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  Role: ['rules'],
  ClusterRole: ['rules', 'aggregationRule'],
  RoleBinding: ['subjects', 'roleRef'],
  ClusterRoleBinding: ['subjects', 'roleRef'],
  StorageClass: ['provisioner', 'parameters', 'reclaimPolicy', 'mountOptions', 'allowVolumeExpansion', 'volumeBindingMode', 'allowedTopologies'],
  PriorityClass: ['value', 'globalDefault', 'description', 'preemptionPolicy'],
  RuntimeClass: ['handler', 'overhead', 'scheduling'],
  ControllerRevision: ['data', 'revision'],
  PodTemplate: ['template'],
  IngressClass: [],
  MutatingWebhookConfiguration: ['webhooks'],
  ValidatingWebhookConfiguration: ['webhooks'],
};

const METADATA = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

/** `unknown field "foo"`, `unknown field "metadata.labelz"`: the fields of an object the API server would drop. */
export function unknownFieldWarnings(obj: KubeObject, kind: string, isPatch = false): string[] {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  if (!isPatch && schemaTypeOf(apiVersion, kind)) {
    // Kinds of the schema table are decoded at every depth: `unknown field "spec.containers[0].imagee"`.
    return checkAgainstSchema(obj as unknown as Record<string, unknown>, apiVersion, kind).flatMap((p) => {
      const m = /strict decoding error: (unknown field ".*")$/.exec(p.message);
      return m ? [m[1]!] : [];
    });
  }
  const out: string[] = [];
  const allowed = new Set([...TOP_LEVEL['*'], ...(TOP_LEVEL[kind] ?? [])]);
  for (const k of Object.keys(obj)) {
    if (isPatch && k.startsWith('$')) continue;
    if (!allowed.has(k)) out.push(`unknown field "${k}"`);
  }
  const meta = obj.metadata as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object') {
    for (const k of Object.keys(meta)) if (!METADATA.includes(k) && !k.startsWith('$')) out.push(`unknown field "metadata.${k}"`);
  }
  return out;
}
