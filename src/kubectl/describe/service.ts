// describe service. https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/
import type { Service } from '../../api/service';
import type { Endpoints } from '../../api/endpoints';
import type { EndpointSlice } from '../../api/endpoint-slice';
import type { DescribeContext } from './context';
import { describeEvents, eventsFor } from './events';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './meta-blocks';
import { LEVEL_0, tabbedString } from './prefix-writer';

const MAX_SHOWN = 3;

function hostPort(ip: string, port: number | undefined): string {
  return ip.includes(':') ? `[${ip}]:${port ?? 0}` : `${ip}:${port ?? 0}`;
}

/** Ready addresses serving a port name, from the Service's EndpointSlices (kubectl ≥ 1.31). */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string, readyOnly: boolean): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const s of slices) {
    const endpoints = s.endpoints ?? [];
    const isReady = (e: (typeof endpoints)[number]) => !readyOnly || e.conditions?.ready !== false;
    if (!s.ports?.length) {
      for (const e of endpoints) {
        if (list.length === MAX_SHOWN) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const p of s.ports) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === MAX_SHOWN) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(hostPort(e.addresses[0], p.port));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX_SHOWN} more...` : ret;
}

/** Ready addresses serving a port name, from the Endpoints object (kubectl ≤ 1.30). */
export function formatEndpoints(ep: Endpoints | undefined, portName: string): string {
  const subsets = ep?.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) {
      for (const a of addresses) {
        if (list.length === MAX_SHOWN) more = true;
        if (!more) list.push(a.ip);
        count++;
      }
      continue;
    }
    for (const p of ss.ports) {
      if ((p.name ?? '') !== portName) continue;
      for (const a of addresses) {
        if (list.length === MAX_SHOWN) more = true;
        if (!more) list.push(hostPort(a.ip, p.port));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX_SHOWN} more...` : ret;
}

export function describeService(svc: Service, ctx: DescribeContext): string {
  const ns = svc.metadata.namespace ?? '';
  const name = svc.metadata.name ?? '';
  const slices = ctx.api.list<EndpointSlice>('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
  const endpoints = ctx.api.tryGet<Endpoints>('Endpoints', ns, name);
  const events = eventsFor(ctx, svc);
  const spec = svc.spec;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length) {
      const list = ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : i.hostname ?? '')).join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const p of spec.ports ?? []) {
      const portName = p.name || '<unset>';
      const proto = p.protocol ?? 'TCP';
      w.write(LEVEL_0, `Port:\t${portName}\t${p.port}/${proto}\n`);
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`);
      if (p.appProtocol) w.write(LEVEL_0, `AppProtocol:\t${p.appProtocol}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${portName}\t${p.nodePort}/${proto}\n`);
      const eps = ctx.minor >= 31 ? formatEndpointSlices(slices, p.name ?? '', ctx.minor >= 32) : formatEndpoints(endpoints, p.name ?? '');
      w.write(LEVEL_0, `Endpoints:\t${eps}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    const ranges = spec.loadBalancerSourceRanges as string[] | undefined;
    if (ranges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
    if (spec.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution as string}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}
