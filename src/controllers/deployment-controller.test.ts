import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/test-cluster';
import type { Pod } from '../api/pod';
import type { ReplicaSet } from '../api/workloads';
import { isPodReady } from './endpoints-controller';
import { podTemplateHash, resolveFenceposts } from './deployment-controller';

const webPods = (t: TestCluster) => t.pods().filter((p) => p.metadata.labels?.app === 'web');

describe('deployment controller', () => {
  it('creates a ReplicaSet named <deployment>-<pod-template-hash> and pods named after it', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=3').advance('30s');
    const rs = t.sim.api.list<ReplicaSet>('ReplicaSet', 'default');
    expect(rs).toHaveLength(1);
    const hash = rs[0].metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs[0].metadata.name).toBe(`web-${hash}`);
    const pods = webPods(t);
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(pods.every(isPodReady)).toBe(true);
  });

  it('hashes the template deterministically with the safe alphabet', () => {
    const tmpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
    expect(podTemplateHash(tmpl)).toBe(podTemplateHash(JSON.parse(JSON.stringify(tmpl))));
    expect(podTemplateHash(tmpl)).not.toBe(podTemplateHash(tmpl, 1));
  });

  it.each([
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [10, 2, 0, 2, 0],
    [3, 0, 0, 0, 1],
  ])('resolves maxSurge/maxUnavailable for %i replicas (%s, %s) to %i and %i', (replicas, surge, unavailable, s, u) => {
    const d = { spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } } };
    expect(resolveFenceposts(d as never)).toEqual({ surge: s, unavailable: u });
  });

  it('rolls out a new image within maxSurge and maxUnavailable at every instant', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=4').advance('30s');
    t.kubectl('set image deployment/web nginx=nginx:1.27');
    expect(t.last.stdout).toBe('deployment.apps/web image updated\n');
    let maxPods = 0;
    let minReady = 99;
    for (let i = 0; i < 120; i++) {
      t.advance(500);
      const live = webPods(t).filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, live.length);
      minReady = Math.min(minReady, live.filter(isPodReady).length);
    }
    expect(maxPods).toBeLessThanOrEqual(5); // 4 + 25% surge
    expect(minReady).toBeGreaterThanOrEqual(3); // 4 - 25% unavailable
    const images = webPods(t).map((p) => p.spec.containers[0].image);
    expect(images).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    expect(t.sim.api.list<ReplicaSet>('ReplicaSet', 'default').map((r) => r.spec.replicas).sort()).toEqual([0, 4]);
  });

  it('prints rollout status, history and undo as kubectl does', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=3').advance('30s');
    t.kubectl('set image deployment/web nginx=nginx:1.27');
    t.kubectl('rollout status deployment/web');
    // The controller has seen the new template by the time the command returns (it reacts within milliseconds).
    expect(t.last.stdout).toBe(
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...\n' +
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n' +
        'deployment "web" successfully rolled out\n',
    );
    t.kubectl('rollout history deployment/web');
    expect(t.last.stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    t.kubectl('rollout undo deployment/web');
    expect(t.last.stdout).toBe('deployment.apps/web rolled back\n');
    t.kubectl('rollout status deployment/web');
    expect(webPods(t).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image)).toEqual(['nginx', 'nginx', 'nginx']);
    t.kubectl('rollout history deploy web');
    expect(t.last.stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  });

  it('refuses an undo without history', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx').advance('30s');
    t.kubectl('rollout undo deployment/web');
    expect(t.last.stderr).toBe('error: no rollout history found for deployment "web"\n');
  });

  it('restarts a deployment with a restartedAt annotation, creating new pods', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=2').advance('30s');
    const before = webPods(t).map((p) => p.metadata.name);
    t.kubectl('rollout restart deployment/web');
    expect(t.last.stdout).toBe('deployment.apps/web restarted\n');
    t.advance('2m');
    const after = webPods(t).map((p) => p.metadata.name);
    expect(after.some((n) => before.includes(n))).toBe(false);
  });

  it('scales up and down', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=2').advance('30s');
    t.kubectl('scale deployment web --replicas=5');
    expect(t.last.stdout).toBe('deployment.apps/web scaled\n');
    t.advance('30s');
    expect(webPods(t)).toHaveLength(5);
    t.kubectl('scale deploy/web --replicas=1').advance('1m');
    expect(webPods(t)).toHaveLength(1);
    t.kubectl('scale deploy/web');
    expect(t.last.stderr).toBe('error: required flag(s) "replicas" not set\n');
  });

  it('replaces a deleted pod it owns', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=3').advance('30s');
    const victim = webPods(t)[0].metadata.name!;
    t.kubectl(`delete pod ${victim} --wait=false`).advance(0);
    const live = webPods(t).filter((p) => !p.metadata.deletionTimestamp);
    expect(live).toHaveLength(3);
    expect(live.map((p) => p.metadata.name)).not.toContain(victim);
    expect(t.eventReasons(t.sim.api.list<ReplicaSet>('ReplicaSet', 'default')[0].metadata.name!)).toContain('SuccessfulCreate');
  });

  it('generates the Deployment kubectl create deployment sends', () => {
    const t = new TestCluster().kubectl('create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml');
    expect(t.last.stdout).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n',
    );
  });

  it('keeps the pods of a bare ReplicaSet at its replicas', () => {
    const t = new TestCluster().apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: front}
spec:
  replicas: 2
  selector: {matchLabels: {app: front}}
  template:
    metadata: {labels: {app: front}}
    spec: {containers: [{name: nginx, image: nginx}]}
`);
    t.advance('30s');
    const pods = t.pods().filter((p: Pod) => p.metadata.labels?.app === 'front');
    expect(pods).toHaveLength(2);
    expect(t.get<ReplicaSet>('ReplicaSet', 'front')!.status).toEqual({ availableReplicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2 });
  });
});
