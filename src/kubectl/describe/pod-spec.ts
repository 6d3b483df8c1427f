// Parts of a pod spec that Pod, Job, Deployment… describers share: containers, volumes and the Pod Template block.
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, PodTemplateSpec, Probe, Volume } from '../../api/pod';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer';
import { byCodeUnit, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './meta-blocks';
import { rfc1123z } from './time-format';
import { fieldRefValue } from '../../api/field-ref';
import { canonicalQuantity, parseQuantity, milliValue, value } from './quantity';

type EnvResolver = ((e: EnvVar) => string) | undefined;

export function describeContainers(
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  resolve: EnvResolver,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
    if (ports.includes(',')) w.write(LEVEL_2, `Ports:\t${ports}\n`);
    else w.write(LEVEL_2, `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
    if (hostPorts.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
    else w.write(LEVEL_2, `Host Port:\t${hostPorts || '<none>'}\n`);
    describeCommand(c, w);
    if (status) {
      describeState('State', status.state, w);
      if (status.lastState?.terminated) describeState('Last State', status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(c.resources, w, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    const startup = c.startupProbe as Probe | undefined;
    if (startup) w.write(LEVEL_2, `Startup:\t${describeProbe(startup)}\n`);
    const envFrom = c.envFrom as { prefix?: string; configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[] | undefined;
    if (envFrom?.length) {
      w.write(LEVEL_2, 'Environment Variables from:\n');
      for (const e of envFrom) {
        const ref = e.configMapRef ?? e.secretRef;
        const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
        const optional = ref?.optional === true;
        if (!e.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
        else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      }
    }
    describeEnv(c, resolve, w);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => byCodeUnit(a.mountPath, b.mountPath));
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
    const devices = c.volumeDevices as { name: string; devicePath: string }[] | undefined;
    if (devices?.length) {
      w.write(LEVEL_2, 'Devices:\n');
      for (const d of [...devices].sort((a, b) => byCodeUnit(a.devicePath, b.devicePath))) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

function describeCommand(c: Container, w: PrefixWriter): void {
  if (c.command?.length) {
    w.write(LEVEL_2, 'Command:\n');
    for (const part of c.command) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
  if (c.args?.length) {
    w.write(LEVEL_2, 'Args:\n');
    for (const part of c.args) for (const s of part.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

export function describeResources(resources: { limits?: Record<string, string>; requests?: Record<string, string> } | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  for (const [title, list] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const names = Object.keys(list ?? {}).sort(byCodeUnit);
    if (names.length) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${canonicalQuantity(list![n])}\n`);
  }
}

function describeState(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const grpc = (p as Probe & { grpc?: { port: number; service?: string } }).grpc;
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet as { path?: string; port: number | string; scheme?: string; host?: string };
    const host = h.host ?? '';
    const port = String(h.port ?? '');
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${(h.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${h.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${(p.tcpSocket as { host?: string }).host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (grpc) return `grpc <pod>:${grpc.port} ${grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

interface ValueFrom {
  fieldRef?: { apiVersion?: string; fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
  secretKeyRef?: { name: string; key: string; optional?: boolean };
  configMapKeyRef?: { name: string; key: string; optional?: boolean };
}

function describeEnv(c: Container, resolve: EnvResolver, w: PrefixWriter): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const vf = e.valueFrom as ValueFrom | undefined;
    if (!vf) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    if (vf.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolve ? resolve(e) : ''} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      let v = resourceFieldValue(c, vf.resourceFieldRef.resource, vf.resourceFieldRef.divisor);
      const r = vf.resourceFieldRef.resource;
      if (v === '0' && (r === 'limits.cpu' || r === 'limits.memory')) v = 'node allocatable';
      w.write(LEVEL_3, `${e.name}:\t${v} (${r})\n`);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`);
    }
  }
}

function resourceFieldValue(c: Container, resource: string, divisorText: string | undefined): string {
  const [kind, name] = resource.split('.');
  const list = kind === 'limits' ? c.resources?.limits : c.resources?.requests;
  const q = parseQuantity(list?.[name] ?? '0');
  const divisor = parseQuantity(divisorText ?? '1');
  if (!q || !divisor || divisor.nanos === 0n) return '';
  if (name === 'cpu') {
    const d = milliValue(divisor);
    return String((milliValue(q) + d - 1n) / d);
  }
  const d = value(divisor);
  return String((value(q) + d - 1n) / d);
}

/** A pod's field as the downward API resolves it for `Environment:` lines. */
export function podFieldResolver(pod: Pod): (e: EnvVar) => string {
  return (e) => fieldRefValue(pod, (e.valueFrom as ValueFrom).fieldRef?.fieldPath ?? '') ?? '';
}

export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string, minor: number): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    describeVolumeSource(v, w, minor);
  }
}

function describeVolumeSource(v: Volume, w: PrefixWriter, minor: number): void {
  const src = v as Record<string, unknown> & Volume;
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit && (parseQuantity(v.emptyDir.sizeLimit)?.nanos ?? 0n) > 0n ? canonicalQuantity(v.emptyDir.sizeLimit) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`);
  } else if (v.secret) {
    const s = v.secret as { secretName: string; optional?: boolean };
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName}\n    Optional:\t${s.optional === true}\n`);
  } else if (v.configMap) {
    const c = v.configMap as { name: string; optional?: boolean };
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${c.name}\n    Optional:\t${c.optional === true}\n`);
  } else if (v.persistentVolumeClaim) {
    const p = v.persistentVolumeClaim as { claimName: string; readOnly?: boolean };
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${p.claimName}\n    ReadOnly:\t${p.readOnly === true}\n`);
  } else if (src.downwardAPI) {
    const d = src.downwardAPI as { items?: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }[] };
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of d.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    describeProjected(v.projected as ProjectedSource, w, minor);
  } else if (src.csi) {
    const c = src.csi as { driver: string; fsType?: string; readOnly?: boolean; volumeAttributes?: Record<string, string> };
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver}\n    FSType:\t${c.fsType ?? ''}\n    ReadOnly:\t${c.readOnly === true}\n`);
    const attrs = Object.keys(c.volumeAttributes ?? {}).sort(byCodeUnit);
    w.write(LEVEL_2, 'VolumeAttributes:\t');
    if (!attrs.length) w.writeLine('<none>');
    attrs.forEach((k, i) => {
      if (i !== 0) w.write(LEVEL_2, '\t');
      w.write(LEVEL_2, `${k}=${c.volumeAttributes![k]}\n`);
    });
  } else if (src.nfs) {
    const n = src.nfs as { server: string; path: string; readOnly?: boolean };
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${n.server}\n    Path:\t${n.path}\n    ReadOnly:\t${n.readOnly === true}\n`);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

interface ProjectedSource {
  sources?: {
    secret?: { name: string; optional?: boolean };
    configMap?: { name: string; optional?: boolean };
    downwardAPI?: unknown;
    serviceAccountToken?: { expirationSeconds?: number };
  }[];
}

function describeProjected(p: ProjectedSource, w: PrefixWriter, minor: number): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  // Before 1.33 kubectl printed the `optional` pointer itself: `<nil>` when unset (kubernetes/kubernetes#129457).
  const ptr = (o: boolean | undefined) => (o === undefined ? '<nil>' : '0xc000000000');
  for (const s of p.sources ?? []) {
    if (s.secret) {
      if (minor >= 33) w.write(LEVEL_2, `SecretName:\t${s.secret.name}\n    Optional:\t${s.secret.optional === true}\n`);
      else w.write(LEVEL_2, `SecretName:\t${s.secret.name}\n    SecretOptionalName:\t${ptr(s.secret.optional)}\n`);
    } else if (s.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (s.configMap) {
      if (minor >= 33) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name}\n    Optional:\t${s.configMap.optional === true}\n`);
      else w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${ptr(s.configMap.optional)}\n`);
    } else if (s.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  }
}

/** The `Pod Template:` block of workload describers. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter, minor: number): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ', minor);
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName as string}\n`);
  if (minor >= 29) {
    printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
  }
}
