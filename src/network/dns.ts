// Cluster DNS (CoreDNS's kubernetes plugin): Service names to cluster IPs, headless Services to pod IPs,
// ExternalName to a CNAME, pod A records; queried with a pod's resolv.conf search list and ndots:5.
import type { Pod } from '../api/pod';
import type { Service } from '../api/service';
import type { ApiServer } from '../apiserver/api-server';
import { CLUSTER_DOMAIN, DNS_SERVICE_IP } from '../cluster/addresses';

export type DnsAnswer =
  | { type: 'A'; name: string; addresses: string[] }
  | { type: 'CNAME'; name: string; target: string }
  | { type: 'NXDOMAIN'; name: string };

/** The resolv.conf a pod with dnsPolicy ClusterFirst gets. */
export function resolvConf(namespace: string): string {
  return `search ${namespace}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${DNS_SERVICE_IP}\noptions ndots:5\n`;
}

export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** Answers one fully qualified name (trailing dot optional). */
export function lookupFqdn(api: ApiServer, fqdn: string): DnsAnswer {
  const name = fqdn.replace(/\.$/, '').toLowerCase();
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (name.endsWith(suffix)) {
    const parts = name.slice(0, -suffix.length).split('.');
    if (parts.length === 2) {
      const [svcName, ns] = parts;
      const svc = api.tryGet<Service>('Service', ns, svcName);
      if (!svc) return { type: 'NXDOMAIN', name };
      if (svc.spec.type === 'ExternalName') return { type: 'CNAME', name, target: svc.spec.externalName ?? '' };
      if (svc.spec.clusterIP === 'None') {
        const ips = api
          .list<Pod>('Pod', ns)
          .filter((p) => p.status?.podIP && Object.entries(svc.spec.selector ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v) && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
          .map((p) => p.status!.podIP!);
        return ips.length ? { type: 'A', name, addresses: ips } : { type: 'NXDOMAIN', name };
      }
      return { type: 'A', name, addresses: [svc.spec.clusterIP!] };
    }
    return { type: 'NXDOMAIN', name };
  }
  const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
  if (name.endsWith(podSuffix)) {
    const [dashed] = name.slice(0, -podSuffix.length).split('.');
    const ip = dashed.replace(/-/g, '.');
    return /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? { type: 'A', name, addresses: [ip] } : { type: 'NXDOMAIN', name };
  }
  return { type: 'NXDOMAIN', name };
}

/**
 * Resolves a name as a pod's resolver does: names with fewer than 5 dots try each search domain first.
 * Names outside the cluster (e.g. `example.com`) are answered by `external`, the simulated Internet.
 */
export function resolveFromPod(api: ApiServer, namespace: string, name: string, external: (fqdn: string) => string[] | undefined = () => undefined): DnsAnswer {
  const absolute = name.endsWith('.');
  const candidates = absolute ? [name] : (name.split('.').length - 1 >= 5 ? [name] : []).concat(searchDomains(namespace).map((d) => `${name}.${d}`), name.split('.').length - 1 >= 5 ? [] : [name]);
  for (const c of candidates) {
    const answer = lookupFqdn(api, c);
    if (answer.type === 'CNAME') {
      const ips = external(answer.target);
      return ips ? { type: 'A', name: answer.target, addresses: ips } : answer;
    }
    if (answer.type === 'A') return answer;
    if (!c.replace(/\.$/, '').endsWith(CLUSTER_DOMAIN)) {
      const ips = external(c.replace(/\.$/, ''));
      if (ips) return { type: 'A', name: c.replace(/\.$/, ''), addresses: ips };
    }
  }
  return { type: 'NXDOMAIN', name };
}
