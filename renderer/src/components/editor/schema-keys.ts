// The fields of the Kubernetes types the lessons use (1.32 API reference), for key completion in the YAML editor:
// the path of parent keys (with the kind for `spec`) → the keys allowed there.

const META = ['name', 'namespace', 'labels', 'annotations', 'generateName'];
const CONTAINER = ['name', 'image', 'command', 'args', 'env', 'ports', 'volumeMounts', 'resources', 'imagePullPolicy', 'workingDir', 'readinessProbe', 'livenessProbe', 'stdin', 'tty'];
const POD_SPEC = ['containers', 'initContainers', 'restartPolicy', 'nodeSelector', 'nodeName', 'volumes', 'tolerations', 'affinity', 'serviceAccountName', 'terminationGracePeriodSeconds', 'hostname', 'dnsPolicy'];
const JOB_SPEC = ['template', 'backoffLimit', 'completions', 'parallelism', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished', 'suspend', 'completionMode'];

/** Keys by the path of parent keys; `spec` under a kind is written `Kind:spec`. */
const KEYS: Record<string, string[]> = {
  '': ['apiVersion', 'kind', 'metadata', 'spec', 'data'],
  metadata: META,
  'Pod:spec': POD_SPEC,
  'Deployment:spec': ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused'],
  'Job:spec': JOB_SPEC,
  'CronJob:spec': ['schedule', 'timeZone', 'jobTemplate', 'concurrencyPolicy', 'suspend', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'],
  'Service:spec': ['type', 'selector', 'ports', 'clusterIP', 'externalName', 'externalTrafficPolicy', 'sessionAffinity', 'loadBalancerIP'],
  template: ['metadata', 'spec'],
  'template.spec': POD_SPEC,
  jobTemplate: ['metadata', 'spec'],
  'jobTemplate.spec': JOB_SPEC,
  selector: ['matchLabels', 'matchExpressions'],
  containers: CONTAINER,
  initContainers: CONTAINER,
  ports: ['name', 'port', 'targetPort', 'nodePort', 'protocol', 'containerPort', 'hostPort'],
  volumeMounts: ['name', 'mountPath', 'subPath', 'readOnly'],
  volumes: ['name', 'hostPath', 'emptyDir', 'configMap', 'secret', 'persistentVolumeClaim'],
  hostPath: ['path', 'type'],
  env: ['name', 'value', 'valueFrom'],
  resources: ['requests', 'limits'],
  tolerations: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'],
  strategy: ['type', 'rollingUpdate'],
};

/** Values worth offering after some keys. */
export const VALUES: Record<string, string[]> = {
  apiVersion: ['v1', 'apps/v1', 'batch/v1'],
  kind: ['Pod', 'Deployment', 'Service', 'Job', 'CronJob', 'ConfigMap'],
  restartPolicy: ['Always', 'OnFailure', 'Never'],
  type: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  concurrencyPolicy: ['Allow', 'Forbid', 'Replace'],
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  image: ['busybox', 'nginx', 'mongo:4.0', 'alpine:3.15'],
};

/** The keys allowed at a place, from the parent keys above it (outermost first) and the document's kind. */
export function keysAt(parents: string[], kind: string | undefined): string[] {
  if (parents.length === 0) return KEYS['']!;
  const last = parents[parents.length - 1]!;
  if (last === 'spec') {
    const grand = parents[parents.length - 2];
    if (grand === 'template' || grand === 'jobTemplate') return KEYS[`${grand}.spec`] ?? [];
    if (parents.length === 1 && kind) return KEYS[`${kind}:spec`] ?? [];
  }
  if (last === 'metadata') return META;
  return KEYS[last] ?? [];
}

/** The parent keys of a line, from the lines above with less indentation (a `- ` item counts as deeper). */
export function parentsOf(lines: string[], lineIndex: number, column: number): string[] {
  const parents: string[] = [];
  let indent = column;
  for (let i = lineIndex - 1; i >= 0 && indent > 0; i--) {
    const line = lines[i]!;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const lead = line.length - line.trimStart().length;
    const m = /^(\s*)(- )?([A-Za-z][\w.-]*):\s*(#.*)?$/.exec(line);
    if (lead < indent && m) {
      parents.unshift(m[3]!);
      indent = lead;
    } else if (lead < indent) indent = lead + (line.trimStart().startsWith('- ') ? 0 : 0);
  }
  return parents;
}
