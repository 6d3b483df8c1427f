import { describe, expect, it } from 'vitest';
import { Session } from '../../host/session';
import type { KubeObject } from '../../api/meta';
import { managedFieldsOf } from '../../apiserver/managed-fields';

const START = '2026-01-05T09:00:00.000Z';
const managers = (o: KubeObject | undefined) => (o ? (managedFieldsOf(o) ?? []).map((m) => [m.manager, m.operation, m.subresource ?? ''].join('|')) : []);

const SSA = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
`;

describe('field managers of emulated commands', () => {
  it('records each command under the manager kubectl 1.32 sends', () => {
    const s = new Session({ start: START });
    s.run('kubectl create deployment hello --image=nginx');
    s.run('kubectl scale deployment hello --replicas=3');
    s.run('kubectl label deployment hello tier=web');
    s.run('kubectl annotate deployment hello note=x');
    s.run(`kubectl patch deployment hello -p '{"spec":{"paused":true}}'`);
    s.run('kubectl set image deployment/hello nginx=nginx:1.27');
    expect(managers(s.sim.api.tryGet('Deployment', 'default', 'hello'))).toEqual([
      'kubectl|Update|scale',
      'kubectl-annotate|Update|',
      'kubectl-create|Update|',
      'kubectl-label|Update|',
      'kubectl-patch|Update|',
      'kubectl-set|Update|',
    ]);
    s.run('kubectl run one --image=busybox');
    s.run('kubectl expose deployment hello --port=80');
    expect(managers(s.sim.api.tryGet('Pod', 'default', 'one'))).toEqual(['kubectl-run|Update|']);
    expect(managers(s.sim.api.tryGet('Service', 'default', 'hello'))).toEqual(['kubectl-expose|Update|']);
  });

  it('makes a server-side apply conflict with kubectl scale’s replicas, as against a real API server', () => {
    const s = new Session({ start: START }, [{ name: 'web.yaml', text: SSA }]);
    s.run('kubectl apply --server-side -f web.yaml');
    s.run('kubectl scale deployment web --replicas=3');
    const r = s.run('kubectl apply --server-side -f web.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
  });

  it('leaves controller writes without managed fields', () => {
    const s = new Session({ start: START });
    s.run('kubectl create deployment hello --image=nginx');
    s.advance(5_000);
    const rs = s.sim.api.list('ReplicaSet', 'default')[0];
    expect(managers(rs)).toEqual([]);
  });
});

describe('kubectl drain (emulated) evicts through pods/eviction', () => {
  it('retries while a PodDisruptionBudget refuses, then gives up at --timeout', () => {
    const s = new Session({ start: START });
    s.run('kubectl create deployment hello --image=nginx --replicas=2');
    s.sim.api.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'hello', namespace: 'default' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'hello' } } } } as KubeObject);
    s.advance(30_000);
    const node = s.sim.api.list('Pod', 'default')[0]!.spec as { nodeName: string };
    const r = s.run(`kubectl drain ${node.nodeName} --ignore-daemonsets --timeout=12s`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
    expect(r.stderr).toContain('global timeout reached: 12s');
  });
});
