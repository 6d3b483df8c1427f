// Service cluster IPs (10.96.0.0/12) and node ports (30000–32767), allocated as the API server's allocators do:
// at random, refusing addresses and ports already taken, with the real error messages.
import type { Service } from '../api/service';
import type { ApiServer } from '../apiserver/api-server';
import { ApiError, invalid } from '../apiserver/api-error';
import type { Rng } from '../sim/rng';
import { inCidr, ipToNumber, numberToIp, parseCidr } from './ipv4';

export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

function usedClusterIPs(api: ApiServer): Set<string> {
  const used = new Set<string>();
  for (const s of api.list<Service>('Service')) if (s.spec.clusterIP && s.spec.clusterIP !== 'None') used.add(s.spec.clusterIP);
  return used;
}

function usedNodePorts(api: ApiServer): Set<number> {
  const used = new Set<number>();
  for (const s of api.list<Service>('Service')) for (const p of s.spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  return used;
}

export function allocateClusterIP(api: ApiServer, rng: Rng): string {
  const { base, size } = parseCidr(SERVICE_CIDR);
  const used = usedClusterIPs(api);
  // Dynamic allocations come from the upper band; the lowest addresses are kept for requested (static) IPs.
  const staticBand = Math.min(Math.max(16, Math.floor(size / 16)), 256);
  for (;;) {
    const ip = numberToIp(base + rng.int(staticBand, size - 2));
    if (!used.has(ip)) return ip;
  }
}

export function checkRequestedClusterIP(api: ApiServer, name: string, ip: string): void {
  if (Number.isNaN(ipToNumber(ip))) {
    throw invalid('Service', '', name, [{ field: 'spec.clusterIPs[0]', type: 'Invalid value', value: ip, detail: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' }]);
  }
  if (!inCidr(ip, SERVICE_CIDR)) {
    throw invalid('Service', '', name, [{ field: 'spec.clusterIPs', type: 'Invalid value', value: [ip], detail: `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}` }]);
  }
  if (usedClusterIPs(api).has(ip)) {
    throw invalid('Service', '', name, [{ field: 'spec.clusterIPs', type: 'Invalid value', value: [ip], detail: `failed to allocate IP ${ip}: provided IP is already allocated` }]);
  }
}

export function allocateNodePort(api: ApiServer, rng: Rng, taken: Set<number>): number {
  const used = usedNodePorts(api);
  for (;;) {
    const port = rng.int(NODE_PORT_RANGE.min, NODE_PORT_RANGE.max);
    if (!used.has(port) && !taken.has(port)) return port;
  }
}

export function checkRequestedNodePort(api: ApiServer, name: string, port: number, taken: Set<number>): void {
  const index = 0;
  if (port < NODE_PORT_RANGE.min || port > NODE_PORT_RANGE.max) {
    throw invalid('Service', '', name, [
      { field: `spec.ports[${index}].nodePort`, type: 'Invalid value', value: port, detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}` },
    ]);
  }
  if (usedNodePorts(api).has(port) || taken.has(port)) {
    throw invalid('Service', '', name, [{ field: `spec.ports[${index}].nodePort`, type: 'Invalid value', value: port, detail: 'provided port is already allocated' }]);
  }
}

export { ApiError };
