// A fresh kind cluster: the control plane and workers, the system namespaces, pods, Services and workloads a
// `kind create cluster` leaves behind, all Running at the simulation's start.
import type { KubeObject, ObjectMeta, OwnerReference } from '../api/meta';
import type { Container, Pod, PodSpec } from '../api/pod';
import type { Node } from '../api/node';
import type { Simulation } from '../sim/simulation';
import { serverVersion } from '../sim/cluster-config';
import { isoSeconds } from '../sim/duration';
import { systemImages } from './kind-images';
import { nodeIpOf, podCidrOf } from './addresses';
import { recordPodIp, recordRunningContainers } from '../controllers/kubelet-state';

export const CONTROL_PLANE = 'kind-control-plane';

export function workerName(i: number): string {
  return i === 0 ? 'kind-worker' : `kind-worker${i + 1}`;
}

export function nodeNames(workers: number): string[] {
  return [CONTROL_PLANE, ...Array.from({ length: workers }, (_, i) => workerName(i))];
}

export const NODE_CAPACITY = {
  cpu: '8',
  'ephemeral-storage': '259962728Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '32827364Ki',
  pods: '110',
};

function nodeObject(sim: Simulation, name: string, index: number, ip: string): Node {
  const now = isoSeconds(sim.now());
  const version = serverVersion(sim.config.minor);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  const isControlPlane = name === CONTROL_PLANE;
  if (isControlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const cidr = podCidrOf(index);
  const condition = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: cidr,
      podCIDRs: [cidr],
      providerID: `kind://docker/kind/${name}`,
      ...(isControlPlane ? { taints: [{ effect: 'NoSchedule' as const, key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: { ...NODE_CAPACITY },
      capacity: { ...NODE_CAPACITY },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: sim.rng.uuid(),
        containerRuntimeVersion: systemImages(sim.config.minor).containerd,
        kernelVersion: '6.8.0-1021-azure',
        kubeProxyVersion: sim.config.minor >= 31 ? '' : version,
        kubeletVersion: version,
        machineID: sim.rng.hex(32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: sim.rng.uuid(),
      },
    },
  };
}

function container(name: string, image: string, command: string[], extra: Partial<Container> = {}): Container {
  return { name, image, command, ...extra };
}

interface SystemPodOptions {
  name?: string;
  generateName?: string;
  namespace: string;
  node: string;
  labels: Record<string, string>;
  containers: Container[];
  hostNetwork?: boolean;
  owner?: OwnerReference;
  priorityClassName?: string;
  tolerations?: PodSpec['tolerations'];
  annotations?: Record<string, string>;
  serviceAccountName?: string;
  nodeSelector?: Record<string, string>;
}

function createRunningPod(sim: Simulation, o: SystemPodOptions, ip: string, hostIp: string): void {
  const meta: ObjectMeta = { namespace: o.namespace, labels: o.labels };
  if (o.name) meta.name = o.name;
  if (o.generateName) meta.generateName = o.generateName;
  if (o.owner) meta.ownerReferences = [o.owner];
  if (o.annotations) meta.annotations = o.annotations;
  const spec: PodSpec = {
    containers: o.containers,
    nodeName: o.node,
    hostNetwork: o.hostNetwork || undefined,
    nodeSelector: o.nodeSelector,
    priorityClassName: o.priorityClassName,
    priority: o.priorityClassName === 'system-node-critical' ? 2000001000 : o.priorityClassName === 'system-cluster-critical' ? 2000000000 : undefined,
    tolerations: o.tolerations,
    serviceAccountName: o.serviceAccountName,
    automountServiceAccountToken: o.hostNetwork && !o.serviceAccountName ? false : undefined,
  };
  for (const k of Object.keys(spec) as (keyof PodSpec)[]) if (spec[k] === undefined) delete spec[k];
  const created = sim.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: meta, spec });
  const now = isoSeconds(sim.now());
  const cond = (type: string) => ({ lastProbeTime: null, lastTransitionTime: now, status: 'True' as const, type });
  const containerStatuses = created.spec.containers.map((c) => {
    const containerID = `containerd://${sim.rng.hex(64)}`;
    return {
      containerID,
      image: c.image!,
      imageID: `${c.image!.split(':')[0]}@sha256:${sim.rng.hex(64)}`,
      lastState: {},
      name: c.name,
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    };
  });
  sim.api.updateStatus<Pod>({
    ...created,
    status: {
      conditions: [cond('PodReadyToStartContainers'), cond('Initialized'), cond('Ready'), cond('ContainersReady'), cond('PodScheduled')],
      containerStatuses,
      hostIP: hostIp,
      hostIPs: [{ ip: hostIp }],
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      qosClass: created.status?.qosClass,
      startTime: now,
    },
  });
  recordRunningContainers(sim, created.metadata.uid!, o.node, containerStatuses.map((s) => ({ name: s.name, containerID: s.containerID, startedAt: sim.now() })));
}

function workload(sim: Simulation, kind: 'Deployment' | 'ReplicaSet' | 'DaemonSet', meta: ObjectMeta, spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  const created = sim.api.create({ apiVersion: 'apps/v1', kind, metadata: meta, spec });
  return sim.api.updateStatus({ ...created, status: { observedGeneration: 1, ...status } });
}

function ownerRef(obj: KubeObject): OwnerReference {
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name!, uid: obj.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Creates the objects of a new kind cluster at the simulation's current time. */
export function bootstrapKindCluster(sim: Simulation): void {
  const images = systemImages(sim.config.minor);
  const names = nodeNames(sim.config.workers);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) {
    sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) {
    sim.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    sim.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n(simulated)\n-----END CERTIFICATE-----\n' },
    });
  }
  const ips = names.map((_, i) => nodeIpOf(i));
  const nodes = names.map((n, i) => sim.api.create(nodeObject(sim, n, i, ips[i])));
  // Each kubelet holds a Lease in kube-node-lease (its heartbeat).
  for (const node of nodes) {
    sim.api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: node.metadata.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid! }] },
      spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: new Date(sim.now()).toISOString().replace('Z', '000Z') },
    });
  }
  const cp = CONTROL_PLANE;
  const cpIp = ips[0];
  const mirror = (name: string) => ({
    'kubernetes.io/config.hash': sim.rng.hex(32),
    'kubernetes.io/config.mirror': sim.rng.hex(32),
    'kubernetes.io/config.seen': isoSeconds(sim.now()).replace('Z', '.000000000Z'),
    'kubernetes.io/config.source': 'file',
    ...(name === 'etcd' ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${cpIp}:2379` } : {}),
    ...(name === 'kube-apiserver' ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${cpIp}:6443` } : {}),
  });
  const cpNode = sim.api.get<Node>('Node', undefined, cp);
  const nodeOwner: OwnerReference = { apiVersion: 'v1', controller: true, kind: 'Node', name: cp, uid: cpNode.metadata.uid! };
  const staticPod = (component: string, image: string, command: string[]) =>
    createRunningPod(
      sim,
      {
        name: `${component}-${cp}`,
        namespace: 'kube-system',
        node: cp,
        labels: { component, tier: 'control-plane' },
        annotations: mirror(component),
        containers: [container(component, image, command, { resources: { requests: { cpu: component === 'etcd' ? '100m' : component === 'kube-apiserver' ? '250m' : component === 'kube-controller-manager' ? '200m' : '100m', ...(component === 'etcd' ? { memory: '100Mi' } : {}) } } })],
        hostNetwork: true,
        owner: nodeOwner,
        priorityClassName: 'system-node-critical',
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      },
      cpIp,
      cpIp,
    );
  staticPod('etcd', images.etcd, ['etcd', `--advertise-client-urls=https://${cpIp}:2379`, '--data-dir=/var/lib/etcd']);
  staticPod('kube-apiserver', images.apiserver, ['kube-apiserver', `--advertise-address=${cpIp}`, '--service-cluster-ip-range=10.96.0.0/16']);
  staticPod('kube-controller-manager', images.controllerManager, ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16', '--allocate-node-cidrs=true']);
  staticPod('kube-scheduler', images.scheduler, ['kube-scheduler', '--bind-address=127.0.0.1']);

  // DaemonSets: kindnet and kube-proxy, one pod on every node.
  const dsTemplate = (app: string, image: string, command: string[], labels: Record<string, string>) => ({
    metadata: { labels },
    spec: {
      containers: [container(app, image, command, app === 'kindnet-cni' ? { resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } } } : {})],
      hostNetwork: true,
      serviceAccountName: app === 'kindnet-cni' ? 'kindnet' : app,
      tolerations: [{ operator: 'Exists' }],
      priorityClassName: 'system-node-critical',
      // kubeadm pins kube-proxy to Linux nodes.
      ...(app === 'kube-proxy' ? { nodeSelector: { 'kubernetes.io/os': 'linux' } } : {}),
    },
  });
  const n = names.length;
  const dsStatus = { currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n, updatedNumberScheduled: n };
  const kindnet = workload(sim, 'DaemonSet', { name: 'kindnet', namespace: 'kube-system', labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' } }, { selector: { matchLabels: { app: 'kindnet' } }, template: dsTemplate('kindnet-cni', images.kindnet, ['/bin/kindnetd'], { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }) }, dsStatus);
  const proxyLabels = { 'k8s-app': 'kube-proxy' };
  const kubeProxy = workload(sim, 'DaemonSet', { name: 'kube-proxy', namespace: 'kube-system', labels: proxyLabels }, { selector: { matchLabels: proxyLabels }, template: dsTemplate('kube-proxy', images.proxy, ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], proxyLabels) }, dsStatus);
  for (const ds of [kindnet, kubeProxy]) {
    const tmpl = (ds.spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }).template;
    names.forEach((node, i) => {
      createRunningPod(
        sim,
        {
          generateName: `${ds.metadata.name}-`,
          namespace: 'kube-system',
          node,
          labels: { ...tmpl.metadata.labels, 'controller-revision-hash': ds.metadata.name === 'kindnet' ? '6cd6bdb5f4' : '7f8b8f9d6c', 'pod-template-generation': '1' },
          containers: tmpl.spec.containers.map((c) => ({ ...c })),
          nodeSelector: tmpl.spec.nodeSelector,
          hostNetwork: true,
          owner: ownerRef(ds),
          priorityClassName: 'system-node-critical',
          serviceAccountName: ds.metadata.name,
          tolerations: [{ operator: 'Exists' }],
        },
        ips[i],
        ips[i],
      );
    });
  }

  // Deployments: coredns (2 replicas) and the local-path provisioner, on the control plane as kind places them.
  const deployment = (name: string, namespace: string, labels: Record<string, string>, replicas: number, hash: string, image: string, command: string[], podIps: string[], extra: Partial<PodSpec>, rsLabels: Record<string, string>) => {
    const template = { metadata: { labels }, spec: { containers: [container(name === 'coredns' ? 'coredns' : 'local-path-provisioner', image, command)], ...extra } };
    const status = { replicas, readyReplicas: replicas, availableReplicas: replicas, updatedReplicas: replicas };
    const deploy = workload(sim, 'Deployment', { name, namespace, labels: rsLabels, annotations: { 'deployment.kubernetes.io/revision': '1' } }, { replicas, selector: { matchLabels: labels }, template }, {
      ...status,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: isoSeconds(sim.now()), lastTransitionTime: isoSeconds(sim.now()), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: isoSeconds(sim.now()), lastTransitionTime: isoSeconds(sim.now()), reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}-${hash}" has successfully progressed.` },
      ],
    });
    const podLabels = { ...labels, 'pod-template-hash': hash };
    const rs = workload(
      sim,
      'ReplicaSet',
      { name: `${name}-${hash}`, namespace, labels: { ...rsLabels, ...podLabels }, ownerReferences: [ownerRef(deploy)], annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1), 'deployment.kubernetes.io/revision': '1' } },
      { replicas, selector: { matchLabels: podLabels }, template: { ...template, metadata: { labels: podLabels } } },
      { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas },
    );
    for (const ip of podIps) {
      createRunningPod(sim, { generateName: `${name}-${hash}-`, namespace, node: cp, labels: podLabels, containers: template.spec.containers.map((c) => ({ ...c })), owner: ownerRef(rs), tolerations: extra.tolerations, nodeSelector: extra.nodeSelector, priorityClassName: extra.priorityClassName as string | undefined, serviceAccountName: extra.serviceAccountName as string | undefined }, ip, cpIp);
      recordPodIp(sim, cp, ip);
    }
  };
  const cpTolerations: PodSpec['tolerations'] = [
    { key: 'CriticalAddonsOnly', operator: 'Exists' },
    { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
  ];
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  const cidr0 = podCidrOf(0).replace(/\.0\/24$/, '.');
  deployment('coredns', 'kube-system', dnsLabels, 2, images.corednsHash, images.coredns, ['/coredns', '-conf', '/etc/coredns/Corefile'], [`${cidr0}2`, `${cidr0}3`], { tolerations: cpTolerations, priorityClassName: 'system-cluster-critical', serviceAccountName: 'coredns', nodeSelector: { 'kubernetes.io/os': 'linux' } }, dnsLabels);
  deployment('local-path-provisioner', 'local-path-storage', { app: 'local-path-provisioner' }, 1, images.localPathHash, images.localPath, ['local-path-provisioner', '--debug', 'start', '--helper-image', 'docker.io/kindest/local-path-helper:v20241212-8ac705d0', '--config', '/etc/config/config.json'], [`${cidr0}4`], { tolerations: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' }], serviceAccountName: 'local-path-provisioner-service-account' }, {});

  // Services: the API server's own, and cluster DNS at 10.96.0.10.
  sim.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
  });
  sim.api.create({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: cpIp }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  sim.api.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [cpIp], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });
  sim.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      type: 'ClusterIP',
    },
  });
}
