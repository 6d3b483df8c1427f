// Addresses of a kind cluster: node IPs on the docker network, one /24 pod range per node.

export const POD_CIDR = '10.244.0.0/16';
export const DNS_SERVICE_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';

/** Node i (0 = control plane) gets 172.18.0.(i+2), as docker hands out addresses on kind's network. */
export function nodeIpOf(index: number): string {
  return `172.18.0.${index + 2}`;
}

/** Node i gets 10.244.i.0/24 (the control plane 10.244.0.0/24, the first worker 10.244.1.0/24…). */
export function podCidrOf(index: number): string {
  return `10.244.${index}.0/24`;
}
