import { describe, expect, it } from 'vitest';
import type { Service } from '../../api/service';
import type { Endpoints } from '../../api/endpoints';
import { formatEndpoints, serviceTable } from './service-columns';

const NOW = Date.parse('2026-01-05T10:00:00Z');
const ctx = { now: NOW, minor: 32, wide: false };
const meta = { name: 'web', namespace: 'default', creationTimestamp: '2026-01-05T09:55:00Z' };

describe('service tables', () => {
  it('prints node ports and a pending load balancer', () => {
    const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'LoadBalancer', clusterIPs: ['10.96.10.20'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } };
    expect(serviceTable([svc], ctx).rows[0].cells).toEqual(['web', 'LoadBalancer', '10.96.10.20', '<pending>', '80:30080/TCP', '5m']);
  });

  it('prints the external name of an ExternalName service', () => {
    const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'ExternalName', externalName: 'example.com' } };
    expect(serviceTable([svc], ctx).rows[0].cells).toEqual(['web', 'ExternalName', '<none>', 'example.com', '<none>', '5m']);
  });

  it('lists three endpoints and counts the rest', () => {
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta,
      subsets: [{ addresses: ['10.244.1.2', '10.244.2.3', '10.244.1.4', '10.244.2.5'].map((ip) => ({ ip })), ports: [{ port: 80 }] }],
    };
    expect(formatEndpoints(ep)).toBe('10.244.1.2:80,10.244.2.3:80,10.244.1.4:80 + 1 more...');
    expect(formatEndpoints({ ...ep, subsets: [] })).toBe('<none>');
  });
});
