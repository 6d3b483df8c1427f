// The API resources a 1.24–1.33 cluster serves: what `kubectl api-resources` lists and how names resolve.

export interface ResourceType {
  /** Plural resource name, e.g. `pods`. */
  name: string;
  singular: string;
  shortNames: string[];
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  /** First and last Kubernetes minor versions serving this group/version (inclusive); undefined = always. */
  servedFrom?: number;
  servedUntil?: number;
  /** Kinds the simulator runs controllers for or stores; others are accepted and stored inertly. */
  categories?: string[];
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  name: string,
  shortNames: string[],
  groupVersion: string,
  namespaced: boolean,
  kind: string,
  extra: Partial<ResourceType> = {},
): ResourceType {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return { name, singular: kind.toLowerCase(), shortNames, group, version, kind, namespaced, verbs: CRUD, ...extra };
}

/** In `kubectl api-resources` order: core group first, then groups alphabetically. */
export const RESOURCE_TYPES: ResourceType[] = [
  r('bindings', [], 'v1', true, 'Binding', { verbs: ['create'] }),
  r('componentstatuses', ['cs'], 'v1', false, 'ComponentStatus', { verbs: ['get', 'list'] }),
  r('configmaps', ['cm'], 'v1', true, 'ConfigMap'),
  r('endpoints', ['ep'], 'v1', true, 'Endpoints'),
  r('events', ['ev'], 'v1', true, 'Event'),
  r('limitranges', ['limits'], 'v1', true, 'LimitRange'),
  r('namespaces', ['ns'], 'v1', false, 'Namespace', { verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] }),
  r('nodes', ['no'], 'v1', false, 'Node'),
  r('persistentvolumeclaims', ['pvc'], 'v1', true, 'PersistentVolumeClaim'),
  r('persistentvolumes', ['pv'], 'v1', false, 'PersistentVolume'),
  r('pods', ['po'], 'v1', true, 'Pod', { categories: ['all'] }),
  r('podtemplates', [], 'v1', true, 'PodTemplate'),
  r('replicationcontrollers', ['rc'], 'v1', true, 'ReplicationController', { categories: ['all'] }),
  r('resourcequotas', ['quota'], 'v1', true, 'ResourceQuota'),
  r('secrets', [], 'v1', true, 'Secret'),
  r('serviceaccounts', ['sa'], 'v1', true, 'ServiceAccount'),
  r('services', ['svc'], 'v1', true, 'Service', { categories: ['all'] }),
  r('mutatingwebhookconfigurations', [], 'admissionregistration.k8s.io/v1', false, 'MutatingWebhookConfiguration'),
  r('validatingadmissionpolicies', [], 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicy', { servedFrom: 30 }),
  r('validatingadmissionpolicybindings', [], 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicyBinding', { servedFrom: 30 }),
  r('validatingwebhookconfigurations', [], 'admissionregistration.k8s.io/v1', false, 'ValidatingWebhookConfiguration'),
  r('customresourcedefinitions', ['crd', 'crds'], 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition'),
  r('apiservices', [], 'apiregistration.k8s.io/v1', false, 'APIService'),
  r('controllerrevisions', [], 'apps/v1', true, 'ControllerRevision'),
  r('daemonsets', ['ds'], 'apps/v1', true, 'DaemonSet', { categories: ['all'] }),
  r('deployments', ['deploy'], 'apps/v1', true, 'Deployment', { categories: ['all'] }),
  r('replicasets', ['rs'], 'apps/v1', true, 'ReplicaSet', { categories: ['all'] }),
  r('statefulsets', ['sts'], 'apps/v1', true, 'StatefulSet', { categories: ['all'] }),
  r('selfsubjectreviews', [], 'authentication.k8s.io/v1', false, 'SelfSubjectReview', { verbs: ['create'], servedFrom: 28 }),
  r('tokenreviews', [], 'authentication.k8s.io/v1', false, 'TokenReview', { verbs: ['create'] }),
  r('localsubjectaccessreviews', [], 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', { verbs: ['create'] }),
  r('selfsubjectaccessreviews', [], 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', { verbs: ['create'] }),
  r('selfsubjectrulesreviews', [], 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', { verbs: ['create'] }),
  r('subjectaccessreviews', [], 'authorization.k8s.io/v1', false, 'SubjectAccessReview', { verbs: ['create'] }),
  r('horizontalpodautoscalers', ['hpa'], 'autoscaling/v2', true, 'HorizontalPodAutoscaler', { categories: ['all'] }),
  r('cronjobs', ['cj'], 'batch/v1', true, 'CronJob', { categories: ['all'] }),
  r('cronjobs', ['cj'], 'batch/v1beta1', true, 'CronJob', { servedUntil: 24, categories: ['all'] }),
  r('jobs', [], 'batch/v1', true, 'Job', { categories: ['all'] }),
  r('certificatesigningrequests', ['csr'], 'certificates.k8s.io/v1', false, 'CertificateSigningRequest'),
  r('leases', [], 'coordination.k8s.io/v1', true, 'Lease'),
  r('endpointslices', [], 'discovery.k8s.io/v1', true, 'EndpointSlice'),
  r('events', ['ev'], 'events.k8s.io/v1', true, 'Event'),
  r('flowschemas', [], 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema', { servedFrom: 29 }),
  r('flowschemas', [], 'flowcontrol.apiserver.k8s.io/v1beta3', false, 'FlowSchema', { servedFrom: 26, servedUntil: 28 }),
  r('flowschemas', [], 'flowcontrol.apiserver.k8s.io/v1beta2', false, 'FlowSchema', { servedUntil: 25 }),
  r('prioritylevelconfigurations', [], 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration', { servedFrom: 29 }),
  r('prioritylevelconfigurations', [], 'flowcontrol.apiserver.k8s.io/v1beta3', false, 'PriorityLevelConfiguration', { servedFrom: 26, servedUntil: 28 }),
  r('prioritylevelconfigurations', [], 'flowcontrol.apiserver.k8s.io/v1beta2', false, 'PriorityLevelConfiguration', { servedUntil: 25 }),
  r('ingressclasses', [], 'networking.k8s.io/v1', false, 'IngressClass'),
  r('ingresses', ['ing'], 'networking.k8s.io/v1', true, 'Ingress'),
  r('networkpolicies', ['netpol'], 'networking.k8s.io/v1', true, 'NetworkPolicy'),
  r('runtimeclasses', [], 'node.k8s.io/v1', false, 'RuntimeClass'),
  r('poddisruptionbudgets', ['pdb'], 'policy/v1', true, 'PodDisruptionBudget'),
  r('clusterrolebindings', [], 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding'),
  r('clusterroles', [], 'rbac.authorization.k8s.io/v1', false, 'ClusterRole'),
  r('rolebindings', [], 'rbac.authorization.k8s.io/v1', true, 'RoleBinding'),
  r('roles', [], 'rbac.authorization.k8s.io/v1', true, 'Role'),
  r('priorityclasses', ['pc'], 'scheduling.k8s.io/v1', false, 'PriorityClass'),
  r('csidrivers', [], 'storage.k8s.io/v1', false, 'CSIDriver'),
  r('csinodes', [], 'storage.k8s.io/v1', false, 'CSINode'),
  r('csistoragecapacities', [], 'storage.k8s.io/v1', true, 'CSIStorageCapacity'),
  r('storageclasses', ['sc'], 'storage.k8s.io/v1', false, 'StorageClass'),
  r('volumeattachments', [], 'storage.k8s.io/v1', false, 'VolumeAttachment'),
];

export function groupVersion(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

const servedCache = new Map<number, ResourceType[]>();
const preferredCache = new Map<number, ResourceType[]>();
const byKindCache = new Map<number, Map<string, ResourceType>>();

/** Resource types a cluster of the given minor version serves. */
export function servedResources(minor: number): ResourceType[] {
  let served = servedCache.get(minor);
  if (!served) {
    served = RESOURCE_TYPES.filter((t) => (t.servedFrom ?? 0) <= minor && minor <= (t.servedUntil ?? 99));
    servedCache.set(minor, served);
  }
  return served;
}

/** The preferred (first served, in the order above) version of each resource, as discovery reports it. */
export function preferredResources(minor: number): ResourceType[] {
  let preferred = preferredCache.get(minor);
  if (!preferred) {
    preferred = computePreferred(minor);
    preferredCache.set(minor, preferred);
  }
  return preferred;
}

function computePreferred(minor: number): ResourceType[] {
  const seen = new Set<string>();
  const out: ResourceType[] = [];
  for (const t of servedResources(minor)) {
    const key = `${t.group}/${t.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/**
 * Resolves what a user typed (`po`, `pods`, `pod`, `cronjobs.batch`, `jobs.v1.batch`, `Pod`) as kubectl's RESTMapper does.
 */
export function resolveResource(input: string, minor: number): ResourceType | undefined {
  const lower = input.toLowerCase();
  const [head, ...rest] = lower.split('.');
  const groupHint = rest.join('.');
  const candidates = preferredResources(minor).filter(
    (t) => t.name === head || t.singular === head || t.shortNames.includes(head) || t.kind.toLowerCase() === head,
  );
  if (!groupHint) {
    // Core and the well-known groups win as kubectl's priority ordering makes them win (events → core/v1).
    return candidates[0];
  }
  for (const t of servedResources(minor)) {
    if (!(t.name === head || t.singular === head || t.shortNames.includes(head))) continue;
    if (t.group === groupHint || `${t.version}.${t.group}` === groupHint) return t;
  }
  return undefined;
}

/** The resource type that stores objects of an apiVersion/kind, if this cluster version serves it. */
export function resourceForKind(apiVersion: string, kind: string, minor: number): ResourceType | undefined {
  return servedResources(minor).find((t) => groupVersion(t) === apiVersion && t.kind === kind);
}

/** Every group/version that knows this kind (served or not), to tell "no matches for kind" from unknown kinds. */
export function knownVersionsOfKind(kind: string): string[] {
  return RESOURCE_TYPES.filter((t) => t.kind === kind).map(groupVersion);
}

export function resourceOfKind(kind: string, minor: number): ResourceType | undefined {
  let byKind = byKindCache.get(minor);
  if (!byKind) {
    byKind = new Map();
    for (const t of preferredResources(minor)) if (!byKind.has(t.kind)) byKind.set(t.kind, t);
    byKindCache.set(minor, byKind);
  }
  return byKind.get(kind);
}
