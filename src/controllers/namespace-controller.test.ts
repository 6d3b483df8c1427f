import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/test-cluster';

describe('namespace controller', () => {
  it('gives a new namespace its default service account and root CA config map', () => {
    const t = new TestCluster().kubectl('create namespace lab');
    expect(t.get('ServiceAccount', 'default', 'lab')).toBeDefined();
    expect(t.get('ConfigMap', 'kube-root-ca.crt', 'lab')).toBeDefined();
  });

  it('empties a deleted namespace, running pods included, then lets it go', () => {
    const t = new TestCluster().kubectl('create namespace lab').kubectl('run web --image=nginx -n lab').advance('30s');
    t.kubectl('delete namespace lab');
    expect(t.last).toEqual({ stdout: 'namespace "lab" deleted\n', stderr: '', exitCode: 0 });
    expect(t.get('Namespace', 'lab', '')).toBeUndefined();
    expect(t.pods('lab')).toEqual([]);
  });

  it('refuses to delete the default namespace', () => {
    const t = new TestCluster().kubectl('delete namespace default');
    expect(t.last.stderr).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
  });
});
