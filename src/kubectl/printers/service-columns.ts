// `kubectl get services`, `endpoints`, `endpointslices`: printService (TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S)),
// printEndpoints (`ip:port` list, three then `+ N more...`), printEndpointSlice.
import type { KubeObject } from '../../api/meta';
import type { Service } from '../../api/service';
import type { Endpoints } from '../../api/endpoints';
import type { EndpointSlice } from '../../api/endpoint-slice';
import type { Table, TableColumn } from './table';
import { byteOrder, formatLabels } from './table';
import { since, type PrintContext } from './cells';

const SERVICE_COLUMNS: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Type', priority: 0 },
  { name: 'Cluster-IP', priority: 0 },
  { name: 'External-IP', priority: 0 },
  { name: 'Port(s)', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Selector', priority: 1 },
];

/** How many characters of load-balancer addresses fit the EXTERNAL-IP column outside -o wide. */
const LOAD_BALANCER_WIDTH = 16;

export function serviceTable(objects: KubeObject[], ctx: PrintContext): Table {
  return { columns: SERVICE_COLUMNS, rows: objects.map((o) => ({ object: o, cells: serviceCells(o as Service, ctx) })) };
}

function serviceCells(svc: Service, ctx: PrintContext): string[] {
  const spec = svc.spec ?? {};
  const clusterIP = spec.clusterIPs?.[0] ?? '<none>';
  const ports = (spec.ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
  const cells = [svc.metadata.name ?? '', spec.type ?? '', clusterIP, externalIP(svc, ctx.wide), ports || '<none>', since(svc.metadata.creationTimestamp, ctx.now)];
  if (ctx.wide) cells.push(formatLabels(spec.selector));
  return cells;
}

function externalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc, wide);
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

function loadBalancerAddresses(svc: Service, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  let r = [...set].sort(byteOrder).join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...';
  return r;
}

const ENDPOINTS_COLUMNS: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'Endpoints', priority: 0 },
  { name: 'Age', priority: 0 },
];

export function endpointsTable(objects: KubeObject[], ctx: PrintContext): Table {
  return {
    columns: ENDPOINTS_COLUMNS,
    rows: objects.map((o) => ({ object: o, cells: [o.metadata.name ?? '', formatEndpoints(o as Endpoints), since(o.metadata.creationTimestamp, ctx.now)] })),
  };
}

/** formatEndpoints: up to three `ip:port` (or bare ips for port-less subsets), then `+ N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const SLICE_COLUMNS: TableColumn[] = [
  { name: 'Name', priority: 0, format: 'name' },
  { name: 'AddressType', priority: 0 },
  { name: 'Ports', priority: 0 },
  { name: 'Endpoints', priority: 0 },
  { name: 'Age', priority: 0 },
];

export function endpointSliceTable(objects: KubeObject[], ctx: PrintContext): Table {
  return {
    columns: SLICE_COLUMNS,
    rows: objects.map((o) => {
      const s = o as EndpointSlice;
      return { object: o, cells: [o.metadata.name ?? '', s.addressType ?? '', slicePorts(s), sliceEndpoints(s), since(o.metadata.creationTimestamp, ctx.now)] };
    }),
  };
}

function slicePorts(s: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of s.ports ?? []) {
    if (list.length < 3) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*');
    else if (list.length === 3) more = true;
    count++;
  }
  return listWithMore(list, more, count, 3);
}

function sliceEndpoints(s: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of s.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < 3) list.push(a);
      else if (list.length === 3) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, 3);
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret || '<unset>';
}
