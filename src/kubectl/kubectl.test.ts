import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/create';
import type { KubectlContext } from './context';
import { runKubectl } from './kubectl';

function cluster(files: Record<string, string> = {}) {
  const sim = createSimulation({ start: Date.parse('2026-01-05T09:00:00Z'), workers: 2, seed: 1 });
  const ctx: KubectlContext = { sim, files: { read: (p) => files[p] }, stdin: '', defaultNamespace: 'default' };
  return { sim, ctx, k: (...argv: string[]) => runKubectl(argv, ctx) };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx
`;

describe('kubectl', () => {
  it('prints the root help with exit 0 when run bare', () => {
    const r = cluster().k();
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true);
  });

  it('suggests commands for an unknown one as cobra does', () => {
    const r = cluster().k('de');
    expect(r.stderr).toBe('error: unknown command "de" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tdelete\n\tdescribe\n\tcp\n\tdebug\n');
    expect(r.exitCode).toBe(1);
    expect(cluster().k('zzzzzz').stderr).toBe('error: unknown command "zzzzzz" for "kubectl"\n');
  });

  it('reports unknown flags and shorthands with the usage hint', () => {
    const { k } = cluster();
    expect(k('delete', 'pods', '--foo').stderr).toBe("error: unknown flag: --foo\nSee 'kubectl delete --help' for usage.\n");
    expect(k('cordon', '-x').stderr).toBe("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl cordon --help' for usage.\n");
    expect(k('delete', 'pods', '--grace-period=abc').stderr).toContain('strconv.ParseInt: parsing "abc": invalid syntax');
    expect(k('-n').stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n");
  });

  it('generates the pod kubectl run generates', () => {
    const r = cluster().k('run', 'web', '--image=busybox', '--restart=Never', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '10');
    expect(r.stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: web
  name: web
spec:
  containers:
  - args:
    - sleep
    - "10"
    image: busybox
    name: web
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
  });

  it('creates, reapplies unchanged, then configures a pod with apply', () => {
    const { k, sim } = cluster({ 'pod.yaml': POD, 'pod2.yaml': POD.replace('app: web', 'app: web\n    tier: fe') });
    expect(k('apply', '-f', 'pod.yaml').stdout).toBe('pod/web created\n');
    const live = sim.api.get('Pod', 'default', 'web');
    expect(live.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"web"}]}}\n',
    );
    expect(k('apply', '-f', 'pod.yaml').stdout).toBe('pod/web unchanged\n');
    expect(k('apply', '-f', 'pod2.yaml').stdout).toBe('pod/web configured\n');
    expect(sim.api.get('Pod', 'default', 'web').metadata.labels).toEqual({ app: 'web', tier: 'fe' });
    expect(k('apply', '-f', 'pod.yaml').stdout).toBe('pod/web configured\n');
    expect(sim.api.get('Pod', 'default', 'web').metadata.labels).toEqual({ app: 'web' });
  });

  it('reports a kind the cluster version does not serve', () => {
    const cj = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: dump\nspec: {}\n';
    const r = cluster({ 'cj.yaml': cj }).k('apply', '-f', 'cj.yaml');
    expect(r.stderr).toBe('error: resource mapping not found for name: "dump" namespace: "" from "cj.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n');
    expect(r.exitCode).toBe(1);
  });

  it('says AlreadyExists when create meets an existing object', () => {
    const { k } = cluster({ 'pod.yaml': POD });
    expect(k('create', '-f', 'pod.yaml').stdout).toBe('pod/web created\n');
    const r = k('create', '-f', 'pod.yaml');
    expect(r.stderr).toBe('Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n');
    expect(r.exitCode).toBe(1);
  });

  it('labels, refuses to overwrite, and unlabels', () => {
    const { k } = cluster({ 'pod.yaml': POD });
    k('create', '-f', 'pod.yaml');
    expect(k('label', 'pod', 'web', 'env=prod').stdout).toBe('pod/web labeled\n');
    expect(k('label', 'pod', 'web', 'app=db').stderr).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    expect(k('label', 'pod/web', 'app=db', '--overwrite').stdout).toBe('pod/web labeled\n');
    expect(k('label', 'pod/web', 'env-').stdout).toBe('pod/web unlabeled\n');
    expect(k('label', 'pod/web', 'app=db').stdout).toBe('pod/web not labeled\n');
    expect(k('label', 'node', 'kind-worker', 'disk=ssd').stdout).toBe('node/kind-worker labeled\n');
  });

  it('deletes an unscheduled pod at once and reports NotFound after', () => {
    const { k, sim } = cluster({ 'pod.yaml': POD });
    k('apply', '-f', 'pod.yaml');
    expect(k('delete', 'pod', 'web').stdout).toBe('pod "web" deleted\n');
    expect(sim.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
    const r = k('delete', 'pod', 'web');
    expect(r.stderr).toBe('Error from server (NotFound): pods "web" not found\n');
    expect(r.exitCode).toBe(1);
    expect(k('delete', 'pod', 'web', '--ignore-not-found').exitCode).toBe(0);
  });

  it('cordons and uncordons a node', () => {
    const { k } = cluster();
    expect(k('cordon', 'kind-worker').stdout).toBe('node/kind-worker cordoned\n');
    expect(k('cordon', 'kind-worker').stdout).toBe('node/kind-worker already cordoned\n');
    expect(k('uncordon', 'kind-worker').stdout).toBe('node/kind-worker uncordoned\n');
    expect(k('cordon').stderr).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
  });

  it('patches with strategic merge and notices no-op patches', () => {
    const { k, sim } = cluster({ 'pod.yaml': POD });
    k('create', '-f', 'pod.yaml');
    expect(k('patch', 'pod', 'web', '-p', '{"metadata":{"labels":{"x":"y"}}}').stdout).toBe('pod/web patched\n');
    expect(sim.api.get('Pod', 'default', 'web').metadata.labels).toEqual({ app: 'web', x: 'y' });
    expect(k('patch', 'pod', 'web', '-p', '{"metadata":{"labels":{"x":"y"}}}').stdout).toBe('pod/web patched (no change)\n');
    expect(k('patch', 'pod', 'web', '--type=json', '-p', '[{"op":"remove","path":"/metadata/labels/x"}]').stdout).toBe('pod/web patched\n');
  });

  it('prints versions and the current context', () => {
    const { k } = cluster();
    expect(k('version').stdout).toBe('Client Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    expect(k('config', 'current-context').stdout).toBe('kind-kind\n');
    expect(k('version', '-o', 'foo').stderr).toBe("error: --output must be 'yaml' or 'json'\n");
  });

  it('creates a namespace', () => {
    const { k } = cluster();
    expect(k('create', 'namespace', 'dev').stdout).toBe('namespace/dev created\n');
    expect(k('create', 'ns', 'dev').stderr).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n');
  });
});
