// Golden kubectl 1.32 outputs for Services and Deployments, and a replay of each Service type as the lesson
// (services-and-cronjobs, first half) describes it.
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/test-cluster';
import type { Service } from '../../api/service';
import type { Node } from '../../api/node';
import { connect } from '../../network/connect';
import { nodeIP } from '../../network/kube-proxy';

function lessonCluster(options = {}): TestCluster {
  const t = new TestCluster(options);
  t.kubectl('create deployment web --image=nginx --replicas=3');
  t.kubectl('run client --image=busybox -- sleep 3600');
  return t;
}

const client = { kind: 'pod' as const, namespace: 'default', name: 'client' };

describe('golden outputs', () => {
  it('prints get svc, deploy and rs -o wide', () => {
    const t = lessonCluster();
    t.kubectl('expose deployment web --port=80 --type=NodePort');
    t.kubectl('create service clusterip headless --clusterip=None');
    t.kubectl('create service externalname db --external-name=db.example.com');
    t.kubectl('create service loadbalancer lb --tcp=80:8080');
    t.advance('40s');
    t.kubectl('get svc -o wide');
    expect(t.last.stdout).toMatchInlineSnapshot(`
      "NAME         TYPE           CLUSTER-IP       EXTERNAL-IP      PORT(S)        AGE   SELECTOR
      db           ExternalName   <none>           db.example.com   <none>         40s   app=db
      headless     ClusterIP      None             <none>           <none>         40s   app=headless
      kubernetes   ClusterIP      10.96.0.1        <none>           443/TCP        40s   <none>
      lb           LoadBalancer   10.97.95.229     203.0.113.10     80:32640/TCP   40s   app=lb
      web          NodePort       10.101.205.168   <none>           80:31805/TCP   40s   app=web
      "
    `);
    t.kubectl('get deploy,rs -o wide');
    expect(t.last.stdout).toMatchInlineSnapshot(`
      "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR
      deployment.apps/web   3/3     3            3           40s   nginx        nginx    app=web

      NAME                             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR
      replicaset.apps/web-6dc5cd68db   3         3         3       40s   nginx        nginx    app=web,pod-template-hash=6dc5cd68db
      "
    `);
  });

  it('describes a NodePort Service and an ExternalName one', () => {
    const t = lessonCluster();
    t.kubectl('expose deployment web --port=80 --target-port=80 --type=NodePort');
    t.kubectl('create service externalname db --external-name=db.example.com');
    t.advance('40s');
    t.kubectl('describe svc web');
    expect(t.last.stdout).toMatchInlineSnapshot(`
      "Name:                     web
      Namespace:                default
      Labels:                   app=web
      Annotations:              <none>
      Selector:                 app=web
      Type:                     NodePort
      IP Family Policy:         SingleStack
      IP Families:              IPv4
      IP:                       10.101.205.168
      IPs:                      10.101.205.168
      Port:                     <unset>  80/TCP
      TargetPort:               80/TCP
      NodePort:                 <unset>  31805/TCP
      Endpoints:                10.244.2.3:80,10.244.1.3:80,10.244.1.2:80
      Session Affinity:         None
      External Traffic Policy:  Cluster
      Internal Traffic Policy:  Cluster
      Events:                   <none>
      "
    `);
    t.kubectl('describe svc db');
    expect(t.last.stdout).toMatchInlineSnapshot(`
      "Name:              db
      Namespace:         default
      Labels:            app=db
      Annotations:       <none>
      Selector:          app=db
      Type:              ExternalName
      IP Families:       <none>
      IP:                
      IPs:               <none>
      External Name:     db.example.com
      Session Affinity:  None
      Events:            <none>
      "
    `);
  });

  it('describes a deployment after a rollout', () => {
    const t = lessonCluster().advance('30s');
    t.kubectl('set image deployment/web nginx=nginx:1.27');
    t.kubectl('rollout status deployment/web');
    t.kubectl('describe deploy web');
    expect(t.last.stdout).toMatchInlineSnapshot(`
      "Name:                   web
      Namespace:              default
      CreationTimestamp:      Mon, 05 Jan 2026 09:00:00 +0000
      Labels:                 app=web
      Annotations:            deployment.kubernetes.io/revision: 2
      Selector:               app=web
      Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
      StrategyType:           RollingUpdate
      MinReadySeconds:        0
      RollingUpdateStrategy:  25% max unavailable, 25% max surge
      Pod Template:
        Labels:  app=web
        Containers:
         nginx:
          Image:         nginx:1.27
          Port:          <none>
          Host Port:     <none>
          Environment:   <none>
          Mounts:        <none>
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Conditions:
        Type           Status  Reason
        ----           ------  ------
        Available      True    MinimumReplicasAvailable
        Progressing    True    NewReplicaSetAvailable
      OldReplicaSets:  <none>
      NewReplicaSet:   web-99c749dc6 (3/3 replicas created)
      Events:
        Type    Reason             Age   From                   Message
        ----    ------             ----  ----                   -------
        Normal  ScalingReplicaSet  47s   deployment-controller  Scaled up replica set web-6dc5cd68db from 0 to 3
        Normal  ScalingReplicaSet  17s   deployment-controller  Scaled up replica set web-99c749dc6 from 0 to 1
        Normal  ScalingReplicaSet  11s   deployment-controller  Scaled down replica set web-6dc5cd68db from 3 to 2
        Normal  ScalingReplicaSet  11s   deployment-controller  Scaled up replica set web-99c749dc6 from 1 to 2
        Normal  ScalingReplicaSet  2s    deployment-controller  Scaled down replica set web-6dc5cd68db from 2 to 1
        Normal  ScalingReplicaSet  2s    deployment-controller  Scaled up replica set web-99c749dc6 from 2 to 3
        Normal  ScalingReplicaSet  0s    deployment-controller  Scaled down replica set web-6dc5cd68db from 1 to 0
      "
    `);
  });

  it('refuses node ports out of range or taken, as the API server does', () => {
    const t = new TestCluster();
    t.kubectl('create service nodeport a --tcp=80 --node-port=30080');
    t.kubectl('create service nodeport b --tcp=80 --node-port=30080');
    expect(t.last.stderr).toBe('The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n');
    t.kubectl('create service nodeport c --tcp=80 --node-port=40000');
    expect(t.last.stderr).toBe('The Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767\n');
    t.kubectl('create service clusterip d');
    expect(t.last.stderr).toBe('error: at least one tcp port specifier must be provided\n');
    t.kubectl('expose pod ghost --port=80');
    expect(t.last.stderr).toBe('Error from server (NotFound): pods "ghost" not found\n');
  });
});

describe('the lesson, replayed for each Service type', () => {
  it('ClusterIP: reachable from inside by name, not from outside', () => {
    const t = lessonCluster();
    t.kubectl('expose deployment web --port=80');
    expect(t.last.stdout).toBe('service/web exposed\n');
    t.advance('40s');
    t.kubectl('get endpoints web');
    expect(t.last.stdout.split('\n')[1]).toMatch(/^web +10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80 +40s$/);
    expect(connect(t.sim, client, { host: 'web', port: 80 }).ok).toBe(true);
    const ip = t.get<Service>('Service', 'web')!.spec.clusterIP!;
    expect(connect(t.sim, { kind: 'internet' }, { host: ip, port: 80 }).failure?.reason).toBe('unreachable');
  });

  it('NodePort: the same port on every node leads to the application', () => {
    const t = lessonCluster();
    t.kubectl('expose deployment web --port=80 --type=NodePort').advance('40s');
    const port = t.get<Service>('Service', 'web')!.spec.ports![0].nodePort!;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    for (const n of t.sim.api.list<Node>('Node')) expect(connect(t.sim, { kind: 'internet' }, { host: nodeIP(n), port }).ok).toBe(true);
  });

  it('LoadBalancer: an external IP from the cloud (if available), pending for ever on kind', () => {
    const t = lessonCluster();
    t.kubectl('expose deployment web --port=80 --type=LoadBalancer').advance('40s');
    const ip = t.get<Service>('Service', 'web')!.status?.loadBalancer?.ingress?.[0]?.ip;
    expect(ip).toBeDefined();
    expect(connect(t.sim, { kind: 'internet' }, { host: ip!, port: 80 }).ok).toBe(true);
    const kind = lessonCluster({ cloudProvider: 'none' });
    kind.kubectl('expose deployment web --port=80 --type=LoadBalancer').advance('10m');
    kind.kubectl('get svc web --no-headers');
    expect(kind.last.stdout).toMatch(/^web +LoadBalancer +[\d.]+ +<pending> +80:\d+\/TCP +10m$/m);
  });

  it('ExternalName: a DNS alias, no cluster IP and no endpoints', () => {
    const t = lessonCluster();
    t.kubectl('create service externalname db --external-name=db.example.com').advance('40s');
    expect(t.get('Endpoints', 'db')).toBeUndefined();
    expect(t.get<Service>('Service', 'db')!.spec.clusterIP).toBeUndefined();
    const r = connect(t.sim, client, { host: 'db', port: 27017 });
    expect(r.ok).toBe(true);
    expect(r.hops.at(-1)!.kind).toBe('outside');
    expect(connect(t.sim, { kind: 'internet' }, { host: 'db.default.svc.cluster.local', port: 27017 }).failure?.reason).toBe('bad-address');
  });
});
