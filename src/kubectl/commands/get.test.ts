import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/create';
import { emptyFiles, type KubectlContext } from '../context';
import { runGet, type GetOptions } from './get';

function cluster(): KubectlContext {
  const sim = createSimulation({ start: Date.parse('2026-01-05T09:00:00Z'), workers: 2, seed: 1 });
  sim.advance(65 * 60_000);
  return { sim, files: emptyFiles(), stdin: '', defaultNamespace: 'default' };
}

function get(ctx: KubectlContext, opts: Partial<GetOptions>) {
  return runGet(
    { args: [], allNamespaces: false, showLabels: false, noHeaders: false, labelColumns: [], showKind: false, filenames: [], ignoreNotFound: false, watch: false, ...opts },
    ctx,
  );
}

describe('kubectl get', () => {
  it('says no resources were found in the namespace, on stderr, with exit 0', () => {
    expect(get(cluster(), { args: ['pods'] })).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('says only "No resources found" for cluster-wide listings', () => {
    expect(get(cluster(), { args: ['pods'], namespace: 'nope', allNamespaces: true, selector: 'app=none' }).stderr).toBe('No resources found\n');
  });

  it('prints nodes with roles and the kubelet version', () => {
    expect(get(cluster(), { args: ['nodes'] }).stdout).toBe(
      'NAME                 STATUS   ROLES           AGE   VERSION\n' +
        'kind-control-plane   Ready    control-plane   65m   v1.32.2\n' +
        'kind-worker          Ready    <none>          65m   v1.32.2\n' +
        'kind-worker2         Ready    <none>          65m   v1.32.2\n',
    );
  });

  it('prefixes names with the type when several types print, and separates the tables', () => {
    const r = get(cluster(), { args: ['deploy,svc'], namespace: 'kube-system' });
    expect(r.stdout).toBe(
      'NAME                      READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/coredns   2/2     2            2           65m\n' +
        '\n' +
        'NAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\n' +
        'service/kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   65m\n',
    );
  });

  it('prints the found objects and an error for each missing name', () => {
    const r = get(cluster(), { args: ['svc', 'nope', 'kubernetes'] });
    expect(r.stdout).toBe('NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   65m\n');
    expect(r.stderr).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('ignores missing names with --ignore-not-found', () => {
    expect(get(cluster(), { args: ['pod', 'nope'], ignoreNotFound: true })).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('rejects unknown types and a missing type as kubectl does', () => {
    expect(get(cluster(), { args: ['foo'] }).stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    const r = get(cluster(), { args: [] });
    expect(r.stderr.startsWith('You must specify the type of resource to get.')).toBe(true);
    expect(r.exitCode).toBe(1);
  });

  it('wraps several objects in a List for -o yaml and prints one object bare', () => {
    const ctx = cluster();
    expect(get(ctx, { args: ['ns'], output: 'yaml' }).stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Namespace\n/);
    expect(get(ctx, { args: ['ns'], output: 'yaml' }).stdout.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expect(get(ctx, { args: ['ns', 'default'], output: 'yaml' }).stdout.startsWith('apiVersion: v1\nkind: Namespace\n')).toBe(true);
  });

  it('prints resource/name lines for -o name', () => {
    expect(get(cluster(), { args: ['deploy'], allNamespaces: true, output: 'name' }).stdout).toBe('deployment.apps/coredns\ndeployment.apps/local-path-provisioner\n');
  });

  it('adds NAMESPACE for -A, label columns for -L and LABELS for --show-labels', () => {
    const r = get(cluster(), { args: ['deploy'], allNamespaces: true, labelColumns: ['k8s-app'], showLabels: true });
    expect(r.stdout.split('\n')[0]).toBe('NAMESPACE            NAME                     READY   UP-TO-DATE   AVAILABLE   AGE   K8S-APP    LABELS');
  });

  it('sorts by a JSONPath', () => {
    const r = get(cluster(), { args: ['nodes'], sortBy: '.metadata.name', output: 'custom-columns=N:.metadata.name', noHeaders: true });
    expect(r.stdout).toBe('kind-control-plane\nkind-worker\nkind-worker2\n');
  });

  it('refuses --show-labels with yaml', () => {
    expect(get(cluster(), { args: ['pods'], output: 'yaml', showLabels: true }).stderr).toBe('error: --show-labels option cannot be used with yaml printer\n');
  });
});
