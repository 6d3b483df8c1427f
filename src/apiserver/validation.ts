// Validation with the API server's own field paths and wording (pkg/apis/core/validation and friends).
import type { KubeObject } from '../api/meta';
import type { PodSpec } from '../api/pod';
import type { ServiceSpec } from '../api/service';
import type { JobSpec } from '../api/job';
import type { CronJobSpec } from '../api/cronjob';
import type { ClusterConfig } from '../sim/cluster-config';
import { GoLiteral, type FieldError } from './api-error';
import { deepEqual } from '../api/deep-equal';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const MSG_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const MSG_LABEL_1123 =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const MSG_LABEL_1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const MSG_LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const MSG_QUALIFIED_NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** How each kind's name is checked (ValidateObjectMeta's nameFn). */
function nameRule(kind: string): 'subdomain' | 'label1123' | 'label1035' {
  if (kind === 'Service') return 'label1035';
  if (kind === 'Namespace') return 'label1123';
  return 'subdomain';
}

export function validateName(kind: string, name: string): FieldError[] {
  const rule = nameRule(kind);
  const errs: FieldError[] = [];
  if (rule === 'subdomain') {
    if (name.length > 253) errs.push({ field: 'metadata.name', type: 'Invalid value', value: name, detail: 'must be no more than 253 characters' });
    if (!DNS1123_SUBDOMAIN.test(name)) errs.push({ field: 'metadata.name', type: 'Invalid value', value: name, detail: MSG_SUBDOMAIN });
  } else {
    if (name.length > 63) errs.push({ field: 'metadata.name', type: 'Invalid value', value: name, detail: 'must be no more than 63 characters' });
    const ok = rule === 'label1035' ? DNS1035_LABEL.test(name) : DNS1123_LABEL.test(name);
    if (!ok) errs.push({ field: 'metadata.name', type: 'Invalid value', value: name, detail: rule === 'label1035' ? MSG_LABEL_1035 : MSG_LABEL_1123 });
  }
  return errs;
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    const slash = k.lastIndexOf('/');
    const namePart = slash >= 0 ? k.slice(slash + 1) : k;
    const prefix = slash >= 0 ? k.slice(0, slash) : '';
    if (!QUALIFIED_NAME.test(namePart) || namePart.length > 63) {
      errs.push({ field, type: 'Invalid value', value: k, detail: namePart.length > 63 ? 'name part must be no more than 63 characters' : MSG_QUALIFIED_NAME });
    } else if (prefix && !DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push({ field, type: 'Invalid value', value: k, detail: `prefix part ${MSG_SUBDOMAIN}` });
    }
    if (typeof v !== 'string' || v.length > 63 || !LABEL_VALUE.test(v)) {
      errs.push({ field, type: 'Invalid value', value: v, detail: typeof v === 'string' && v.length > 63 ? 'must be no more than 63 characters' : MSG_LABEL_VALUE });
    }
  }
  return errs;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [{ field: path, type: 'Required value' }];
  const volumeNames = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => {
    const vp = `${path}.volumes[${i}]`;
    if (!v.name) errs.push({ field: `${vp}.name`, type: 'Required value' });
    else if (volumeNames.has(v.name)) errs.push({ field: `${vp}.name`, type: 'Duplicate value', value: v.name });
    else if (!DNS1123_LABEL.test(v.name)) errs.push({ field: `${vp}.name`, type: 'Invalid value', value: v.name, detail: MSG_LABEL_1123 });
    volumeNames.add(v.name);
    if (v.hostPath) {
      if (!v.hostPath.path) errs.push({ field: `${vp}.hostPath.path`, type: 'Required value' });
      const types = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];
      if (v.hostPath.type !== undefined && !types.includes(v.hostPath.type)) {
        errs.push({ field: `${vp}.hostPath.type`, type: 'Unsupported value', value: v.hostPath.type, detail: `supported values: ${types.map((t) => JSON.stringify(t)).join(', ')}` });
      }
    }
  });
  const containers = spec.containers ?? [];
  if (containers.length === 0) errs.push({ field: `${path}.containers`, type: 'Required value' });
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const cp = `${path}.containers[${i}]`;
    if (!c.name) errs.push({ field: `${cp}.name`, type: 'Required value' });
    else if (names.has(c.name)) errs.push({ field: `${cp}.name`, type: 'Duplicate value', value: c.name });
    else if (!DNS1123_LABEL.test(c.name)) errs.push({ field: `${cp}.name`, type: 'Invalid value', value: c.name, detail: MSG_LABEL_1123 });
    if (c.name) names.add(c.name);
    if (!c.image) errs.push({ field: `${cp}.image`, type: 'Required value' });
    (c.ports ?? []).forEach((p, j) => {
      if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) {
        errs.push({ field: `${cp}.ports[${j}].containerPort`, type: 'Invalid value', value: p.containerPort, detail: 'must be between 1 and 65535, inclusive' });
      }
    });
    (c.volumeMounts ?? []).forEach((m, j) => {
      const mp = `${cp}.volumeMounts[${j}]`;
      if (!m.name) errs.push({ field: `${mp}.name`, type: 'Required value' });
      else if (!volumeNames.has(m.name)) errs.push({ field: `${mp}.name`, type: 'Not found', value: m.name });
      if (!m.mountPath) errs.push({ field: `${mp}.mountPath`, type: 'Required value' });
    });
    if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) {
      errs.push({ field: `${cp}.imagePullPolicy`, type: 'Unsupported value', value: c.imagePullPolicy, detail: 'supported values: "Always", "IfNotPresent", "Never"' });
    }
  });
  if (spec.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push({ field: `${path}.restartPolicy`, type: 'Unsupported value', value: spec.restartPolicy, detail: 'supported values: "Always", "OnFailure", "Never"' });
  }
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  return errs;
}

function validateService(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (!types.includes(spec.type ?? 'ClusterIP')) {
    errs.push({ field: 'spec.type', type: 'Unsupported value', value: spec.type, detail: 'supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' });
    return errs;
  }
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) errs.push({ field: 'spec.externalName', type: 'Required value' });
    return errs;
  }
  const ports = spec.ports ?? [];
  if (ports.length === 0 && spec.clusterIP !== 'None') errs.push({ field: 'spec.ports', type: 'Required value' });
  ports.forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push({ field: `${pp}.name`, type: 'Required value' });
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) {
      errs.push({ field: `${pp}.port`, type: 'Invalid value', value: p.port, detail: 'must be between 1 and 65535, inclusive' });
    }
    if (p.protocol && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) {
      errs.push({ field: `${pp}.protocol`, type: 'Unsupported value', value: p.protocol, detail: 'supported values: "SCTP", "TCP", "UDP"' });
    }
    if (p.nodePort !== undefined && spec.type === 'ClusterIP') {
      errs.push({ field: `${pp}.nodePort`, type: 'Forbidden', detail: 'may not be used when `type` is \'ClusterIP\'' });
    }
  });
  return errs;
}

function validateJobSpec(spec: JobSpec | undefined, path: string): FieldError[] {
  if (!spec) return [{ field: path, type: 'Required value' }];
  const errs = validatePodSpec(spec.template?.spec, `${path}.template.spec`);
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') {
    errs.push({ field: `${path}.template.spec.restartPolicy`, type: 'Unsupported value', value: rp ?? '', detail: 'supported values: "OnFailure", "Never"' });
  } else if (spec.podFailurePolicy && rp !== 'Never') {
    errs.push({ field: `${path}.template.spec.restartPolicy`, type: 'Invalid value', value: rp, detail: 'only "Never" is supported when podFailurePolicy is specified' });
  }
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  // validatePodReplacementPolicy: with a pod failure policy, only Failed (a terminating pod is not failed yet).
  const replacement = spec.podReplacementPolicy;
  if (replacement !== undefined) {
    if (spec.podFailurePolicy && replacement !== 'Failed') {
      errs.push({ field: `${path}.podReplacementPolicy`, type: 'Unsupported value', value: replacement, detail: 'supported values: "Failed"' });
    } else if (!spec.podFailurePolicy && replacement !== 'Failed' && replacement !== 'TerminatingOrFailed') {
      errs.push({ field: `${path}.podReplacementPolicy`, type: 'Unsupported value', value: replacement, detail: 'supported values: "Failed", "TerminatingOrFailed"' });
    }
  }
  for (const [field, v] of [['parallelism', spec.parallelism], ['completions', spec.completions], ['backoffLimit', spec.backoffLimit]] as const) {
    if (typeof v === 'number' && v < 0) errs.push({ field: `${path}.${field}`, type: 'Invalid value', value: v, detail: 'must be greater than or equal to 0' });
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    errs.push({ field: `${path}.activeDeadlineSeconds`, type: 'Invalid value', value: spec.activeDeadlineSeconds, detail: 'must be greater than 0' });
  }
  return errs;
}

const POD_FAILURE_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];

/** validatePodFailurePolicy of the API server's Job validation, in its order. */
function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.podFailurePolicy?.rules ?? [];
  if (rules.length > 20) errs.push({ field: `${path}.rules`, type: 'Too many', value: rules.length, detail: 'must have at most 20 items' });
  const names = new Set([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c) => c.name));
  rules.forEach((rule, i) => {
    const at = `${path}.rules[${i}]`;
    if (!rule.action) errs.push({ field: `${at}.action`, type: 'Required value', detail: `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]` });
    else if (rule.action === 'FailIndex') {
      if (spec.backoffLimitPerIndex === undefined) errs.push({ field: `${at}.action`, type: 'Invalid value', value: rule.action, detail: 'requires the backoffLimitPerIndex to be set' });
    } else if (!POD_FAILURE_ACTIONS.includes(rule.action)) {
      errs.push({ field: `${at}.action`, type: 'Unsupported value', value: rule.action, detail: 'supported values: "Count", "FailIndex", "FailJob", "Ignore"' });
    }
    const codes = rule.onExitCodes;
    if (codes) {
      const cp = `${at}.onExitCodes`;
      if (!codes.operator) errs.push({ field: `${cp}.operator`, type: 'Required value', detail: 'valid values: ["In" "NotIn"]' });
      else if (codes.operator !== 'In' && codes.operator !== 'NotIn') errs.push({ field: `${cp}.operator`, type: 'Unsupported value', value: codes.operator, detail: 'supported values: "In", "NotIn"' });
      if (codes.containerName !== undefined && !names.has(codes.containerName)) {
        errs.push({ field: `${cp}.containerName`, type: 'Invalid value', value: codes.containerName, detail: 'must be one of the container or initContainer names in the pod template' });
      }
      const values = codes.values ?? [];
      if (values.length === 0) errs.push({ field: `${cp}.values`, type: 'Invalid value', value: new GoLiteral('[]int32{}'), detail: 'at least one value is required' });
      else if (values.length > 255) errs.push({ field: `${cp}.values`, type: 'Too many', value: values.length, detail: 'must have at most 255 items' });
      const seen = new Set<number>();
      let ordered = true;
      values.forEach((v, j) => {
        if (codes.operator === 'In' && v === 0) errs.push({ field: `${cp}.values[${j}]`, type: 'Invalid value', value: 0, detail: 'must not be 0 for the In operator' });
        if (seen.has(v)) errs.push({ field: `${cp}.values[${j}]`, type: 'Duplicate value', value: v });
        seen.add(v);
        if (j > 0 && values[j - 1] > v) ordered = false;
      });
      if (!ordered) errs.push({ field: `${cp}.values`, type: 'Invalid value', value: new GoLiteral(`[]int32{${values.join(', ')}}`), detail: 'must be ordered' });
    }
    const conditions = rule.onPodConditions ?? [];
    conditions.forEach((c, j) => {
      const status = c.status ?? '';
      if (!status) errs.push({ field: `${at}.onPodConditions[${j}].status`, type: 'Required value', detail: 'valid values: ["False" "True" "Unknown"]' });
      else if (!['True', 'False', 'Unknown'].includes(status)) {
        errs.push({ field: `${at}.onPodConditions[${j}].status`, type: 'Unsupported value', value: status, detail: 'supported values: "False", "True", "Unknown"' });
      }
    });
    if (codes && conditions.length > 0) errs.push({ field: at, type: 'Invalid value', detail: 'specifying both OnExitCodes and OnPodConditions is not supported' });
    if (!codes && conditions.length === 0) errs.push({ field: at, type: 'Invalid value', detail: 'specifying one of OnExitCodes and OnPodConditions is required' });
  });
  return errs;
}

export type ScheduleValidator = (schedule: string, timeZone: string | undefined) => FieldError[];

let scheduleValidator: ScheduleValidator = () => [];

/** The CronJob controller's package registers its schedule parser here (kept out of the API server's imports). */
export function setScheduleValidator(v: ScheduleValidator): void {
  scheduleValidator = v;
}

function validateCronJobSpec(spec: CronJobSpec | undefined): FieldError[] {
  if (!spec) return [{ field: 'spec', type: 'Required value' }];
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push({ field: 'spec.schedule', type: 'Required value' });
  else errs.push(...scheduleValidator(spec.schedule, spec.timeZone));
  const nonNegative = (field: string, v: number | null | undefined) => {
    if (typeof v === 'number' && v < 0) errs.push({ field: `spec.${field}`, type: 'Invalid value', value: v, detail: 'must be greater than or equal to 0' });
  };
  nonNegative('startingDeadlineSeconds', spec.startingDeadlineSeconds);
  if (spec.concurrencyPolicy && !['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy)) {
    errs.push({ field: 'spec.concurrencyPolicy', type: 'Unsupported value', value: spec.concurrencyPolicy, detail: 'supported values: "Allow", "Forbid", "Replace"' });
  }
  errs.push(...validateJobSpec(spec.jobTemplate?.spec, 'spec.jobTemplate.spec'));
  nonNegative('successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit);
  nonNegative('failedJobsHistoryLimit', spec.failedJobsHistoryLimit);
  return errs;
}

export function validateObject(obj: KubeObject, old: KubeObject | undefined, _config: ClusterConfig): FieldError[] {
  const errs: FieldError[] = [];
  const name = obj.metadata.name ?? '';
  if (!old) errs.push(...validateName(obj.kind, name));
  errs.push(...validateLabels(obj.metadata.labels, 'metadata.labels'));
  switch (obj.kind) {
    case 'Pod':
      errs.push(...validatePodSpec(obj.spec as PodSpec, 'spec'));
      if (old) errs.push(...validatePodUpdate(old, obj));
      break;
    case 'Service':
      errs.push(...validateService(obj.spec as ServiceSpec));
      break;
    case 'Job':
      errs.push(...validateJobSpec(obj.spec as JobSpec, 'spec'));
      break;
    case 'CronJob':
      errs.push(...validateCronJobSpec(obj.spec as CronJobSpec));
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
      errs.push(...validatePodSpec((obj.spec as { template?: { spec: PodSpec } })?.template?.spec, 'spec.template.spec'));
      break;
  }
  return errs;
}

/** Pods are nearly immutable: only images, activeDeadlineSeconds, tolerations (additions) and a few more may change. */
function validatePodUpdate(old: KubeObject, obj: KubeObject): FieldError[] {
  const a = old.spec as PodSpec;
  const b = obj.spec as PodSpec;
  const strip = (s: PodSpec) => ({
    ...s,
    containers: s.containers?.map((c) => ({ ...c, image: undefined })),
    initContainers: s.initContainers?.map((c) => ({ ...c, image: undefined })),
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
    nodeName: undefined,
  });
  if (deepEqual(strip(a), strip(b))) return [];
  return [
    {
      field: 'spec',
      type: 'Forbidden',
      detail:
        'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    },
  ];
}
