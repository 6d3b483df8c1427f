// describe node. https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1/
import type { Node } from '../../api/node';
import type { Pod } from '../../api/pod';
import type { KubeObject } from '../../api/meta';
import type { DescribeContext } from './context';
import { describeEvents, searchEvents } from './events';
import { byCodeUnit, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './meta-blocks';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { rfc1123z, since } from './time-format';
import { canonicalQuantity, formatQuantity, milliValue, parseQuantity, value, ZERO, type Quantity } from './quantity';
import { addTotals, podTotals, type ResourceTotals } from './pod-resources';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort(byCodeUnit);
}

interface Lease extends KubeObject {
  spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string };
}

export function describeNode(node: Node, ctx: DescribeContext): string {
  const name = node.metadata.name ?? '';
  const pods = ctx.api
    .list<Pod>('Pod')
    .filter((p) => p.spec.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  // Controllers name a node's events by its UID, the kubelet by its name: describe asks for both.
  const events = ctx.showEvents
    ? [
        ...searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: node.metadata.uid }),
        ...searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: name }),
      ]
    : undefined;
  const lease = ctx.api.tryGet<Lease>('Lease', 'kube-node-lease', name);
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    if (lease) {
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
      w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
    } else {
      w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printList = (list: Record<string, string>) => {
      for (const r of Object.keys(list).sort(byCodeUnit)) w.write(LEVEL_0, `  ${r}:\t${canonicalQuantity(list[r])}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length) {
      w.write(LEVEL_0, 'Capacity:\n');
      printList(status.capacity!);
    }
    if (Object.keys(status.allocatable ?? {}).length) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printList(status.allocatable!);
    }
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    // Printed (empty since 1.31, when kubelets stopped filling it) until kubectl 1.34 dropped the line.
    if (ctx.minor <= 33) w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, w, ctx.now);
    if (events) describeEvents(events, w, ctx.now);
  });
}

function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocText = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : node.status?.capacity ?? {};
  const alloc = (r: string): Quantity => parseQuantity(allocText[r] ?? '0') ?? ZERO;
  const cpuAlloc = milliValue(alloc('cpu'));
  const memAlloc = value(alloc('memory'));
  const reqs: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const pod of pods) {
    const req = podTotals(pod, 'requests');
    const lim = podTotals(pod, 'limits');
    addTotals(reqs, req);
    addTotals(limits, lim);
    const cr = req.get('cpu') ?? ZERO;
    const cl = lim.get('cpu') ?? ZERO;
    const mr = req.get('memory') ?? ZERO;
    const ml = lim.get('memory') ?? ZERO;
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${formatQuantity(cr)} (${percent(milliValue(cr), cpuAlloc)}%)\t${formatQuantity(cl)} (${percent(milliValue(cl), cpuAlloc)}%)\t${formatQuantity(mr)} (${percent(value(mr), memAlloc)}%)\t${formatQuantity(ml)} (${percent(value(ml), memAlloc)}%)\t${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (r: string, scale: (q: Quantity) => bigint) => {
    const rq = reqs.get(r) ?? ZERO;
    const lq = limits.get(r) ?? ZERO;
    const a = scale(alloc(r));
    w.write(LEVEL_1, `${r}\t${formatQuantity(rq)} (${percent(scale(rq), a)}%)\t${formatQuantity(lq)} (${percent(scale(lq), a)}%)\n`);
  };
  row('cpu', milliValue);
  row('memory', value);
  row('ephemeral-storage', value);
  const names = Object.keys(allocText);
  for (const r of names.filter((n) => n.startsWith('hugepages-')).sort(byCodeUnit)) row(r, value);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const r of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n)).sort(byCodeUnit)) {
    w.write(LEVEL_1, `${r}\t${formatQuantity(reqs.get(r) ?? ZERO)}\t${formatQuantity(limits.get(r) ?? ZERO)}\n`);
  }
}
