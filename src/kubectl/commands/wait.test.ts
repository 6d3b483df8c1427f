import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { TestCluster } from '../../testing/test-cluster';
import { conditionMet, parseWaitFor } from './wait';

const job = (conditions: { type: string; status: string }[]): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', uid: 'u1' }, status: { conditions, phase: 'Running' } });

describe('kubectl wait', () => {
  it.each([
    ['condition=complete', job([{ type: 'Complete', status: 'True' }]), true],
    ['condition=Complete', job([{ type: 'Complete', status: 'True' }]), true],
    ['condition=complete', job([{ type: 'Failed', status: 'True' }]), false],
    ['condition=failed', job([{ type: 'Failed', status: 'True' }]), true],
    ['condition=Suspended=False', job([{ type: 'Suspended', status: 'False' }]), true],
    ['jsonpath={.status.phase}=Running', job([]), true],
    ['jsonpath={.status.phase}=Pending', job([]), false],
    ['jsonpath={.status.phase}', job([]), true],
    ['delete', undefined, true],
    ['delete', job([]), false],
  ] as const)('--for=%s on %j is %s', (forText, obj, met) => {
    expect(conditionMet(parseWaitFor(forText), obj, 'u1')).toBe(met);
  });

  it.each([
    ['bogus', 'unrecognized condition: "bogus"'],
    ['jsonpath={.status.phase}=', 'jsonpath wait has to have a value after equal sign'],
  ])('refuses --for=%s with kubectl’s message', (forText, message) => {
    expect(() => parseWaitFor(forText)).toThrow(message);
  });

  it('advances the simulated clock until the Job completes and prints condition met', () => {
    const c = new TestCluster().kubectl('create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
    c.kubectl('wait --for=condition=complete job/myjob1 --timeout=60s');
    expect(c.last).toEqual({ stdout: 'job.batch/myjob1 condition met\n', stderr: '', exitCode: 0 });
    expect(c.sim.now() - Date.parse('2026-01-05T09:00:00Z')).toBeGreaterThan(30_000);
  });

  it('stops at the timeout with kubectl’s error naming the resource', () => {
    const c = new TestCluster().kubectl('create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
    c.kubectl('wait --for=condition=complete job/myjob1 --timeout=5s');
    expect(c.last).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on jobs/myjob1\n', exitCode: 1 });
    expect(c.sim.now()).toBe(Date.parse('2026-01-05T09:00:05Z'));
  });

  it('waits for a deletion, and treats an object already gone as deleted', () => {
    const c = new TestCluster().kubectl('run web --image=nginx').advance('10s');
    c.kubectl('delete pod web --wait=false').kubectl('wait --for=delete pod/web --timeout=60s');
    expect(c.last.stdout).toBe('pod/web condition met\n');
    c.kubectl('wait --for=delete pod/web');
    expect(c.last).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});
