import { describe, expect, it } from 'vitest';
import type { Job } from '../../api/job';
import type { CronJob } from '../../api/cronjob';
import { isoSeconds } from '../../sim/duration';
import { createCronJob, createJob, createPod, newCluster, runPod } from './describe-fixtures.test-helper';

const UNSCHEDULABLE =
  '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';

/** A cluster five minutes in: a running pod, an unschedulable one, a job and a cronjob, with their events. */
function scenario() {
  const c = newCluster();
  const { sim } = c;
  sim.advance(120_000);
  runPod(sim, createPod(sim, 'web'));
  sim.advance(10_000);
  const pending = createPod(sim, 'big');
  for (let i = 0; i < 3; i++) {
    sim.events.record(pending, 'Warning', 'FailedScheduling', UNSCHEDULABLE, { component: 'default-scheduler' }, { newApi: { action: 'Scheduling', reportingInstance: 'default-scheduler-kind-control-plane' } });
    sim.advance(60_000);
  }
  const job = createJob(sim, 'pi');
  sim.api.updateStatus<Job>({ ...job, status: { startTime: isoSeconds(sim.now()), active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} } });
  sim.events.record(job, 'Normal', 'SuccessfulCreate', 'Created pod: pi-x7k2p', { component: 'job-controller' });
  createCronJob(sim, 'hello');
  sim.advance(30_000);
  sim.api.updateStatus<CronJob>({ ...sim.api.get<CronJob>('CronJob', 'default', 'hello'), status: { lastScheduleTime: '2026-01-05T09:05:00Z' } });
  sim.events.record(sim.api.get<CronJob>('CronJob', 'default', 'hello'), 'Normal', 'SuccessfulCreate', 'Created job hello-29462705', { component: 'cronjob-controller' });
  sim.advance(15_000);
  return c;
}

describe('kubectl describe (golden, 1.32)', () => {
  it('describes a running pod with its scheduler and kubelet events', () => {
    expect(scenario().describe(['pod', 'web']).stdout).toBe(`Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             kind-worker/172.18.0.3
Start Time:       Mon, 05 Jan 2026 09:02:00 +0000
Labels:           run=web
Annotations:      <none>
Status:           Running
IP:               10.244.1.2
IPs:
  IP:  10.244.1.2
Containers:
  web:
    Container ID:   containerd://4f1c0a5e8a6d4c1b9f0e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2
    Image:          nginx
    Image ID:       docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 05 Jan 2026 09:02:04 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-t279f (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-t279f:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age    From               Message
  ----    ------     ----   ----               -------
  Normal  Scheduled  3m59s  default-scheduler  Successfully assigned default/web to kind-worker
  Normal  Pulling    3m59s  kubelet            Pulling image "nginx"
  Normal  Pulled     3m55s  kubelet            Successfully pulled image "nginx" in 3.512s (3.512s including waiting). Image size: 72195292 bytes.
  Normal  Created    3m55s  kubelet            Created container web
  Normal  Started    3m55s  kubelet            Started container web
`);
  });

  it('describes a pending pod with a repeated FailedScheduling event', () => {
    expect(scenario().describe(['pod', 'big']).stdout).toBe(`Name:             big
Namespace:        default
Priority:         0
Service Account:  default
Node:             <none>
Labels:           run=big
Annotations:      <none>
Status:           Pending
IP:               
IPs:              <none>
Containers:
  big:
    Image:        nginx
    Port:         80/TCP
    Host Port:    0/TCP
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-6tjwp (ro)
Volumes:
  kube-api-access-6tjwp:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason            Age                   From               Message
  ----     ------            ----                  ----               -------
  Warning  FailedScheduling  105s (x3 over 3m45s)  default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.
`);
  });

  it('describes a worker node with its non-terminated pods and allocated resources', () => {
    expect(scenario().describe(['node', 'kind-worker']).stdout).toBe(`Name:               kind-worker
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/os=linux
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname=kind-worker
                    kubernetes.io/os=linux
Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Mon, 05 Jan 2026 09:00:00 +0000
Taints:             <none>
Unschedulable:      false
Lease:
  HolderIdentity:  kind-worker
  AcquireTime:     <unset>
  RenewTime:       Mon, 05 Jan 2026 09:00:00 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Mon, 05 Jan 2026 09:00:00 +0000   Mon, 05 Jan 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     False   Mon, 05 Jan 2026 09:00:00 +0000   Mon, 05 Jan 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
  PIDPressure      False   Mon, 05 Jan 2026 09:00:00 +0000   Mon, 05 Jan 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Mon, 05 Jan 2026 09:00:00 +0000   Mon, 05 Jan 2026 09:00:00 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:  172.18.0.3
  Hostname:    kind-worker
Capacity:
  cpu:                8
  ephemeral-storage:  259962728Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             32827364Ki
  pods:               110
Allocatable:
  cpu:                8
  ephemeral-storage:  259962728Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             32827364Ki
  pods:               110
System Info:
  Machine ID:                 7865c8578ff3c08b34c23fbeb1ff78a3
  System UUID:                86b30243-2148-4c04-ac5f-5e64ac6d4a94
  Boot ID:                    262582aa-c6e7-4a65-8a1b-2a5507fe3815
  Kernel Version:             6.8.0-1021-azure
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.0.2
  Kubelet Version:            v1.32.2
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
ProviderID:                   kind://docker/kind/kind-worker
Non-terminated Pods:          (3 in total)
  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                ------------  ----------  ---------------  -------------  ---
  default                     web                 0 (0%)        0 (0%)      0 (0%)           0 (0%)         3m59s
  kube-system                 kindnet-9m2gk       100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      5m59s
  kube-system                 kube-proxy-szsc2    0 (0%)        0 (0%)      0 (0%)           0 (0%)         5m59s
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests   Limits
  --------           --------   ------
  cpu                100m (1%)  100m (1%)
  memory             50Mi (0%)  50Mi (0%)
  ephemeral-storage  0 (0%)     0 (0%)
  hugepages-1Gi      0 (0%)     0 (0%)
  hugepages-2Mi      0 (0%)     0 (0%)
Events:              <none>
`);
  });

  it('describes the kube-dns service with endpoints per port', () => {
    expect(scenario().describe(['svc', 'kube-dns'], { namespace: 'kube-system' }).stdout).toBe(`Name:                     kube-dns
Namespace:                kube-system
Labels:                   k8s-app=kube-dns
                          kubernetes.io/cluster-service=true
                          kubernetes.io/name=CoreDNS
Annotations:              prometheus.io/port: 9153
                          prometheus.io/scrape: true
Selector:                 k8s-app=kube-dns
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.10
IPs:                      10.96.0.10
Port:                     dns  53/UDP
TargetPort:               53/UDP
Endpoints:                <none>
Port:                     dns-tcp  53/TCP
TargetPort:               53/TCP
Endpoints:                <none>
Port:                     metrics  9153/TCP
TargetPort:               9153/TCP
Endpoints:                <none>
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
`);
  });

  it('describes a running job', () => {
    expect(scenario().describe(['job', 'pi']).stdout).toBe(`Name:             pi
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=b1c2d3e4-0000-4000-8000-000000000001
Labels:           batch.kubernetes.io/controller-uid=b1c2d3e4-0000-4000-8000-000000000001
                  batch.kubernetes.io/job-name=pi
                  controller-uid=b1c2d3e4-0000-4000-8000-000000000001
                  job-name=pi
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    6
Start Time:       Mon, 05 Jan 2026 09:05:14 +0000
Pods Statuses:    1 Active (0 Ready) / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=b1c2d3e4-0000-4000-8000-000000000001
           batch.kubernetes.io/job-name=pi
           controller-uid=b1c2d3e4-0000-4000-8000-000000000001
           job-name=pi
  Containers:
   pi:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      echo done
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From            Message
  ----    ------            ----  ----            -------
  Normal  SuccessfulCreate  45s   job-controller  Created pod: pi-x7k2p
`);
  });

  it('describes a cronjob with its last schedule time', () => {
    expect(scenario().describe(['cronjob', 'hello']).stdout).toBe(`Name:                          hello
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */5 * * * *
Concurrency Policy:            Allow
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      date
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Mon, 05 Jan 2026 09:05:00 +0000
Active Jobs:         <none>
Events:
  Type    Reason            Age   From                Message
  ----    ------            ----  ----                -------
  Normal  SuccessfulCreate  15s   cronjob-controller  Created job hello-29462705
`);
  });
});

describe('kubectl describe (finding objects)', () => {
  it('separates several objects with two blank lines', () => {
    const c = scenario();
    const r = c.describe(['pods']);
    expect(r.stdout).toBe(c.describe(['pod', 'big']).stdout + '\n\n' + c.describe(['pod', 'web']).stdout);
    expect(r.exitCode).toBe(0);
  });

  it('accepts TYPE/NAME', () => {
    const c = scenario();
    expect(c.describe(['pod/web']).stdout).toBe(c.describe(['pod', 'web']).stdout);
  });

  it('describes every pod whose name starts with the given name when none has it exactly', () => {
    const c = scenario();
    const r = c.describe(['pod', 'we']);
    expect(r.stdout).toBe(c.describe(['pod', 'web']).stdout + '\n');
    expect(r.stderr).toBe('');
  });

  it('reports a missing object as the server does, after describing the ones found', () => {
    const c = scenario();
    const r = c.describe(['pod', 'nope', 'web']);
    expect(r.stdout).toBe(c.describe(['pod', 'web']).stdout);
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('says no resources were found in the namespace when a selector matches nothing', () => {
    const r = scenario().describe(['pods'], { selector: 'app=none' });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(r.exitCode).toBe(0);
  });

  it('filters by label selector', () => {
    const c = scenario();
    expect(c.describe(['pods'], { selector: 'run=web' }).stdout).toBe(c.describe(['pod', 'web']).stdout);
  });

  it('lists across namespaces with -A', () => {
    const r = scenario().describe(['deploy'], { allNamespaces: true });
    expect(r.stdout.match(/^Name:/gm)).toHaveLength(2);
  });

  it('asks for a type when given no arguments', () => {
    const r = scenario().describe([]);
    expect(r.stderr).toBe('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(r.exitCode).toBe(1);
  });

  it('leaves out the Events section with --show-events=false', () => {
    expect(scenario().describe(['job', 'pi'], { showEvents: false }).stdout).not.toContain('Events:');
  });

  it('describes the objects named in a manifest file', () => {
    const c = scenario();
    c.ctx.files = { read: (p) => (p === 'web.yaml' ? 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n' : undefined) };
    expect(c.describe([], { filenames: ['web.yaml'] }).stdout).toBe(c.describe(['pod', 'web']).stdout);
  });

  it('describes a namespace without quotas or limit ranges', () => {
    expect(scenario().describe(['ns', 'default']).stdout).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    );
  });
});
