// Admission on create: what the API server's admission plugins and allocators add (ServiceAccount,
// DefaultTolerationSeconds, Priority; Service IPs and node ports).
import type { KubeObject } from '../api/meta';
import type { PodSpec } from '../api/pod';
import type { Service } from '../api/service';
import type { Rng } from '../sim/rng';
import type { ClusterConfig } from '../sim/cluster-config';
import type { ApiServer } from './api-server';
import { allocateClusterIP, allocateNodePort, checkRequestedClusterIP, checkRequestedNodePort } from '../network/service-allocator';

export interface AdmissionContext {
  api: ApiServer;
  rng: Rng;
  config: ClusterConfig;
  now: number;
}

export const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function admitPod(spec: PodSpec, ctx: AdmissionContext, namespace: string, mirror: boolean): void {
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  // The ServiceAccount plugin leaves mirror pods (static pods a kubelet reports) alone.
  if (!mirror) admitServiceAccount(spec, ctx);
  admitTolerations(spec);
  void namespace;
}

function admitServiceAccount(spec: PodSpec, ctx: AdmissionContext): void {
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken !== false && !spec.volumes?.some((v) => v.name.startsWith('kube-api-access-'))) {
    const name = `kube-api-access-${ctx.rng.nameSuffix()}`;
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ];
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT, name, readOnly: true }];
    }
  }
}

function admitTolerations(spec: PodSpec): void {
  const tolerations = spec.tolerations ?? [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!has) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

function admitService(svc: Service, ctx: AdmissionContext): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
  } else {
    if (spec.clusterIP) checkRequestedClusterIP(ctx.api, svc.metadata.name!, spec.clusterIP);
    spec.clusterIP ||= allocateClusterIP(ctx.api, ctx.rng);
    spec.clusterIPs = [spec.clusterIP];
  }
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)) {
    const taken = new Set<number>();
    for (const p of spec.ports ?? []) {
      if (p.nodePort) {
        checkRequestedNodePort(ctx.api, svc.metadata.name!, p.nodePort, taken);
        taken.add(p.nodePort);
      }
    }
    for (const p of spec.ports ?? []) {
      if (!p.nodePort) {
        p.nodePort = allocateNodePort(ctx.api, ctx.rng, taken);
        taken.add(p.nodePort);
      }
    }
  }
  svc.status ??= { loadBalancer: {} };
}

/**
 * Service updates: the cluster IP stays (it is immutable); a change of type to NodePort or LoadBalancer allocates
 * the node ports it lacks, and a change back to ClusterIP releases them, as the service REST storage does.
 */
export function admitServiceUpdate(svc: Service, old: Service, ctx: AdmissionContext): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return;
  if (!spec.clusterIP && old.spec.clusterIP) {
    spec.clusterIP = old.spec.clusterIP;
    spec.clusterIPs = old.spec.clusterIPs;
  }
  const wantsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (!wantsNodePorts) {
    if (old.spec.type === 'NodePort' || old.spec.type === 'LoadBalancer') for (const p of spec.ports ?? []) delete p.nodePort;
    return;
  }
  const taken = new Set<number>((spec.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
  for (const p of spec.ports ?? []) {
    if (!p.nodePort) {
      p.nodePort = allocateNodePort(ctx.api, ctx.rng, taken);
      taken.add(p.nodePort);
    }
  }
  spec.externalTrafficPolicy ??= 'Cluster';
}

/** Runs the create-time admission chain on a defaulted, validated object (in place). */
export function admit(obj: KubeObject, ctx: AdmissionContext): void {
  if (obj.kind === 'Pod') admitPod(obj.spec as PodSpec, ctx, obj.metadata.namespace ?? 'default', !!obj.metadata.annotations?.['kubernetes.io/config.mirror']);
  else if (obj.kind === 'Service') admitService(obj as Service, ctx);
}
