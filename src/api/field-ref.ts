// The downward API: what a `fieldRef` reads from a pod (env values, and describe's `Environment:` lines).
import type { Pod } from './pod';

/**
 * The value of `fieldPath` for `pod`; undefined for a path the API server would have refused.
 * `podIP`/`hostIP` override the pod's status (the kubelet knows them before it reports them).
 */
export function fieldRefValue(pod: Pod, fieldPath: string, podIP?: string, hostIP?: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.podIP':
      return podIP ?? pod.status?.podIP ?? '';
    case 'status.hostIP':
      return hostIP ?? pod.status?.hostIP ?? '';
    // The plural fields read as comma-separated lists, as the kubelet formats them.
    case 'status.podIPs':
      return podIP ?? (pod.status?.podIPs ?? []).map((i) => i.ip).join(',');
    case 'status.hostIPs':
      return hostIP ?? (pod.status?.hostIPs ?? []).map((i) => i.ip).join(',');
    default:
      return undefined;
  }
}
