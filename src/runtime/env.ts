// A container's environment as the kubelet builds it: the image's ENV, the Service links of the namespace
// (enableServiceLinks), then the container's `env` (`value` with `$(VAR)` expansion, or `valueFrom.fieldRef`).
// Mirrors pkg/kubelet/kubelet_pods.go makeEnvironmentVariables and third_party/forked/golang/expansion.
import { fieldRefValue } from '../api/field-ref';
import type { Container, Pod } from '../api/pod';
import type { Service } from '../api/service';

/** Kubernetes' expansion of `$(VAR)` in command, args and env values: defined variables only; `$$` escapes a `$`. */
export function expandKubernetesVars(text: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '$') {
      out += '$';
      i++;
    } else if (c === '$' && text[i + 1] === '(') {
      const end = text.indexOf(')', i + 2);
      const name = end > 0 ? text.slice(i + 2, end) : '';
      if (end > 0 && Object.prototype.hasOwnProperty.call(env, name)) {
        out += env[name];
        i = end;
      } else if (end > 0) {
        // An undefined reference stays as written.
        out += text.slice(i, end + 1);
        i = end;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** `DB_SERVICE_HOST`, `DB_PORT_27017_TCP_ADDR`…: one block per Service with a cluster IP (pkg/kubelet/envvars). */
export function serviceLinkEnv(services: Service[]): Record<string, string> {
  const env: Record<string, string> = {};
  const sorted = [...services].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  for (const s of sorted) {
    const ip = s.spec.clusterIP;
    if (!ip || ip === 'None' || !s.spec.ports?.length) continue;
    const name = s.metadata.name!.toUpperCase().replace(/-/g, '_');
    const first = s.spec.ports[0];
    env[`${name}_SERVICE_HOST`] = ip;
    env[`${name}_SERVICE_PORT`] = String(first.port);
    for (const p of s.spec.ports) if (p.name) env[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
    const proto = (first.protocol ?? 'TCP').toLowerCase();
    env[`${name}_PORT`] = `${proto}://${ip}:${first.port}`;
    for (const p of s.spec.ports) {
      const pr = (p.protocol ?? 'TCP').toLowerCase();
      const prefix = `${name}_PORT_${p.port}_${pr.toUpperCase()}`;
      env[prefix] = `${pr}://${ip}:${p.port}`;
      env[`${prefix}_PROTO`] = pr;
      env[`${prefix}_PORT`] = String(p.port);
      env[`${prefix}_ADDR`] = ip;
    }
  }
  return env;
}

export interface EnvInputs {
  /** The image's ENV (PATH, HOSTNAME is added by the runtime). */
  imageEnv: Record<string, string>;
  /** Services of the pod's namespace, plus `kubernetes` from default (the master service is always linked). */
  services: Service[];
  podIP?: string;
  hostIP?: string;
}

/** The process environment of a container, in the order a real one lists it (`env` prints insertion order). */
export function containerEnv(pod: Pod, c: Container, inputs: EnvInputs): Record<string, string> {
  const env: Record<string, string> = { ...inputs.imageEnv, HOSTNAME: pod.spec.hostname ?? pod.metadata.name ?? '' };
  const links = pod.spec.enableServiceLinks === false ? serviceLinkEnv(inputs.services.filter((s) => s.metadata.name === 'kubernetes' && s.metadata.namespace === 'default')) : serviceLinkEnv(inputs.services);
  const own: Record<string, string> = {};
  for (const e of c.env ?? []) {
    const from = e.valueFrom as { fieldRef?: { fieldPath?: string } } | undefined;
    if (e.value !== undefined) own[e.name] = expandKubernetesVars(e.value, { ...links, ...own });
    else if (from?.fieldRef?.fieldPath) own[e.name] = fieldRefValue(pod, from.fieldRef.fieldPath, inputs.podIP, inputs.hostIP) ?? '';
    else own[e.name] = '';
  }
  return { ...env, ...links, ...own };
}
