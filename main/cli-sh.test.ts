// `kubeville sh -c '…'`: a line run as the app's console runs it, against the state file's cluster.
import { describe, expect, it } from 'vitest';
import { memoryCli } from './memory-cli.test-helper';

describe('kubeville sh -c', () => {
  it('pipes kubectl into grep and keeps the cluster between invocations', () => {
    const cli = memoryCli();
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    expect(cli.run('sh', '-c', 'kubectl run box --image=busybox -- sleep 3600 && sleep 20').code).toBe(0);
    expect(cli.run('sh', '-c', 'kubectl get pods --no-headers | grep -c Running')).toEqual({ code: 0, out: '1\n', err: '' });
    expect(cli.run('sh', '-c', 'kubectl exec box -- sh -c "echo \\$HOSTNAME; exit 2"')).toEqual({ code: 2, out: 'box\n', err: 'command terminated with exit code 2\n' });
  });

  it('reports an unterminated quote as busybox sh does', () => {
    const cli = memoryCli();
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    expect(cli.run('sh', '-c', 'echo "abc')).toEqual({ code: 2, out: '', err: 'sh: syntax error: unterminated quoted string\n' });
  });

  it('reads -f files from disk when the workspace has none', () => {
    const cli = memoryCli({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n' });
    cli.run('reset', '--start', '2026-01-05T09:00:00Z');
    expect(cli.run('sh', '-c', 'kubectl apply -f pod.yaml').out).toBe('pod/p created\n');
  });
});
