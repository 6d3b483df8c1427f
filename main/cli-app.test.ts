import { describe, expect, it } from 'vitest';
import { memoryCli } from './memory-cli.test-helper';

describe('kubeville CLI', () => {
  it('creates a kind cluster whose three nodes are Ready', () => {
    const cli = memoryCli();
    expect(cli.run('reset', '--nodes', '2', '--start', '2026-01-05T09:00:00Z').code).toBe(0);
    const r = cli.run('kubectl', 'get', 'nodes');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'NAME                 STATUS   ROLES           AGE   VERSION',
        'kind-control-plane   Ready    control-plane   0s    v1.32.2',
        'kind-worker          Ready    <none>          0s    v1.32.2',
        'kind-worker2         Ready    <none>          0s    v1.32.2',
        '',
      ].join('\n'),
    );
  });

  it('runs nginx to Running after 30 simulated seconds', () => {
    const cli = memoryCli();
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    expect(cli.run('kubectl', 'run', 'web', '--image=nginx').out).toBe('pod/web created\n');
    expect(cli.run('advance', '30s').out).toBe('2026-01-05T09:00:30Z\n');
    expect(cli.run('kubectl', 'get', 'pods').out).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          30s\n');
  });

  it('has the pod bound and being created when the prompt comes back, as on a real cluster', () => {
    const cli = memoryCli();
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    cli.run('kubectl', 'run', 'web', '--image=nginx');
    expect(cli.run('kubectl', 'get', 'pods').out).toBe('NAME   READY   STATUS              RESTARTS   AGE\nweb    0/1     ContainerCreating   0          0s\n');
  });

  it('lists the system pods of a kind cluster with -A', () => {
    const cli = memoryCli();
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    const names = cli
      .run('kubectl', 'get', 'pods', '-A', '--no-headers')
      .out.trim()
      .split('\n')
      .map((l) => l.split(/\s+/).slice(0, 2).join(' ').replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-*').replace(/-[a-f0-9]{9,10}-\*$/, '-*'));
    expect(names).toEqual([
      'kube-system coredns-*',
      'kube-system coredns-*',
      'kube-system etcd-kind-control-plane',
      'kube-system kindnet-*',
      'kube-system kindnet-*',
      'kube-system kindnet-*',
      'kube-system kube-apiserver-kind-control-plane',
      'kube-system kube-controller-manager-kind-control-plane',
      'kube-system kube-proxy-*',
      'kube-system kube-proxy-*',
      'kube-system kube-proxy-*',
      'kube-system kube-scheduler-kind-control-plane',
      'local-path-storage local-path-provisioner-*',
    ]);
  });

  it('starts a missing state at the current wall-clock minute', () => {
    const cli = memoryCli();
    expect(cli.run('time').out).toBe('2026-03-01T12:34:00Z\n');
  });

  it('passes kubectl exit codes and stderr through', () => {
    const cli = memoryCli();
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    const r = cli.run('kubectl', 'get', 'pod', 'nope');
    expect(r.code).toBe(1);
    expect(r.err).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.out).toBe('');
  });

  it('reads -f files from disk', () => {
    const cli = memoryCli({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n  - name: mongo\n    image: mongo:4.0\n' });
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    expect(cli.run('kubectl', 'apply', '-f', 'pod.yaml').out).toBe('pod/db created\n');
  });

  it('refuses a damaged state file and leaves it untouched', () => {
    const cli = memoryCli({ 'bad.json': '{"format": "kubeville-session", "version": 1, "simulation": ' });
    const r = cli.run('--state', 'bad.json', 'kubectl', 'get', 'pods');
    expect(r.code).toBe(2);
    expect(r.err).toContain('damaged');
    expect(cli.disk.get('bad.json')).toBe('{"format": "kubeville-session", "version": 1, "simulation": ');
  });

  it('refuses a state file from a newer Kubeville', () => {
    const cli = memoryCli({ 'new.json': JSON.stringify({ format: 'kubeville-session', version: 99 }) });
    const r = cli.run('--state', 'new.json', 'time');
    expect(r.code).toBe(2);
    expect(r.err).toContain('newer Kubeville');
  });

  it('explains a malformed duration', () => {
    const cli = memoryCli();
    const r = cli.run('advance', 'soon');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"soon" is not a duration');
  });

  it('simulates the Kubernetes version asked for', () => {
    const cli = memoryCli();
    cli.run('reset', '--kubernetes', '1.24', '--start', '2026-01-05T09:00:00Z');
    expect(cli.run('kubectl', 'get', 'nodes', '--no-headers').out).toContain('v1.24.17');
    expect(cli.run('reset', '--kubernetes', '1.40').code).toBe(2);
  });
});
