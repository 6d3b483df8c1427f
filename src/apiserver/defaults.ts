// Defaulting as the API server applies it (pkg/apis/*/v1/defaults.go): fields a user leaves out and reads back.
import type { KubeObject } from '../api/meta';
import type { Container, PodSpec, Probe } from '../api/pod';
import type { ServiceSpec } from '../api/service';
import type { JobSpec } from '../api/job';
import type { CronJobSpec } from '../api/cronjob';

export interface DefaultingContext {
  minor: number;
}

/** Always for `:latest` or untagged images, IfNotPresent otherwise (digests count as tagged). */
export function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  // parsers.ParseImageName: the tag is "latest" only when written so, or when there is neither tag nor digest.
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const tagSep = name.indexOf(':', lastSlash + 1);
  if (tagSep < 0) return at >= 0 ? 'IfNotPresent' : 'Always';
  return name.slice(tagSep + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** SetDefaults_HTTPGetAction: path `/`, scheme HTTP (probes and lifecycle hooks alike). */
function defaultHttpGet(h: { path?: string; scheme?: string } | undefined): void {
  if (!h) return;
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

/** SetDefaults_Probe: timeout 1 s, period 10 s, success 1, failure 3 (zero counts as unset). */
function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  defaultHttpGet(p.httpGet);
  const grpc = (p as { grpc?: { service?: string } }).grpc;
  if (grpc) grpc.service ??= '';
}

function defaultContainer(c: Container): void {
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe as Probe | undefined);
  const lifecycle = c.lifecycle as { postStart?: { httpGet?: { path?: string; scheme?: string } }; preStop?: { httpGet?: { path?: string; scheme?: string } } } | undefined;
  defaultHttpGet(lifecycle?.postStart?.httpGet);
  defaultHttpGet(lifecycle?.preStop?.httpGet);
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.resources ??= {};
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
}

export function defaultPodSpec(spec: PodSpec): void {
  if (!spec) return;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    if (v.hostPath) v.hostPath.type ??= '';
    if (v.emptyDir === null) v.emptyDir = {};
  }
}

function defaultService(spec: ServiceSpec): void {
  // SetDefaults_Service (pkg/apis/core/v1/defaults.go): sessionAffinity for every type, ExternalName included.
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
  }
  spec.type ??= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.externalIPs?.length) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

function defaultJobSpec(spec: JobSpec, ctx: DefaultingContext): void {
  const indexed = spec.completionMode === 'Indexed';
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  if (ctx.minor >= 29 || (ctx.minor >= 28 && !spec.podFailurePolicy)) {
    spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  }
  if (indexed) spec.completions ??= 1;
  // A pod condition pattern without a status matches the condition being True.
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const pattern of rule.onPodConditions ?? []) pattern.status ??= 'True';
  defaultPodSpec(spec.template?.spec);
}

function defaultCronJobSpec(spec: CronJobSpec): void {
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultPodSpec(spec.jobTemplate?.spec?.template?.spec);
}

/** Applies the API server's defaults to a new or updated object, in place (the object is a private copy). */
export function applyDefaults(obj: KubeObject, ctx: DefaultingContext): void {
  switch (obj.kind) {
    case 'Pod': {
      defaultPodSpec(obj.spec as PodSpec);
      const status = (obj.status ??= {}) as { phase?: string; qosClass?: string };
      status.phase ??= 'Pending';
      status.qosClass ??= qosClass(obj.spec as PodSpec);
      break;
    }
    case 'Service':
      defaultService(obj.spec as ServiceSpec);
      break;
    case 'Job':
      defaultJobSpec(obj.spec as JobSpec, ctx);
      break;
    case 'CronJob':
      defaultCronJobSpec(obj.spec as CronJobSpec);
      break;
    case 'Deployment': {
      const spec = obj.spec as { replicas?: number; revisionHistoryLimit?: number; progressDeadlineSeconds?: number; strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } }; template?: { spec: PodSpec } };
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      spec.strategy ??= {};
      spec.strategy.type ??= 'RollingUpdate';
      if (spec.strategy.type === 'RollingUpdate') {
        spec.strategy.rollingUpdate ??= {};
        spec.strategy.rollingUpdate.maxSurge ??= '25%';
        spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
      }
      defaultPodSpec(spec.template?.spec as PodSpec);
      break;
    }
    case 'ReplicaSet':
    case 'DaemonSet': {
      const spec = obj.spec as { replicas?: number; template?: { spec: PodSpec } };
      if (obj.kind === 'ReplicaSet') spec.replicas ??= 1;
      defaultPodSpec(spec.template?.spec as PodSpec);
      break;
    }
    case 'Namespace': {
      obj.spec ??= { finalizers: ['kubernetes'] };
      const status = (obj.status ??= {}) as { phase?: string };
      status.phase ??= 'Active';
      const labels = (obj.metadata.labels ??= {});
      labels['kubernetes.io/metadata.name'] = obj.metadata.name!;
      break;
    }
  }
}

/** Guaranteed when every container has equal cpu and memory requests and limits, BestEffort with none. */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (!l || q !== l) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
