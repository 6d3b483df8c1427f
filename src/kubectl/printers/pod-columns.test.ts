import { describe, expect, it } from 'vitest';
import type { Pod, ContainerStatus } from '../../api/pod';
import { podCells } from './pod-columns';

const NOW = Date.parse('2026-01-05T10:00:00Z');
const ctx = { now: NOW, minor: 32, wide: false };

function pod(status: Pod['status'], extra: Partial<Pod['spec']> = {}, meta: Partial<Pod['metadata']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-05T09:00:00Z', ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra },
    status,
  };
}

function container(state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: 'app', state, lastState: {}, ready: false, restartCount: 0, image: 'nginx', imageID: '', ...extra };
}

describe('podCells', () => {
  it('prints a running pod as READY 1/1 Running', () => {
    const p = pod({ phase: 'Running', containerStatuses: [container({ running: {} }, { ready: true })] });
    expect(podCells(p, ctx)).toEqual(['web', '1/1', 'Running', '0', '60m']);
  });

  it('prints RESTARTS with the time of the last restart', () => {
    const cs = container(
      { waiting: { reason: 'CrashLoopBackOff' } },
      { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-05T09:59:15Z' } } },
    );
    expect(podCells(pod({ phase: 'Running', containerStatuses: [cs] }), ctx)).toEqual(['web', '0/1', 'CrashLoopBackOff', '2 (45s ago)', '60m']);
  });

  it('shows init progress as Init:n/m', () => {
    const p = pod(
      { phase: 'Pending', initContainerStatuses: [container({ waiting: { reason: 'PodInitializing' } }, { name: 'init' })], containerStatuses: [container({ waiting: { reason: 'PodInitializing' } })] },
      { initContainers: [{ name: 'init', image: 'busybox' }] },
    );
    expect(podCells(p, ctx)[2]).toBe('Init:0/1');
  });

  it('shows a failed init container as Init:Error', () => {
    const p = pod(
      { phase: 'Pending', initContainerStatuses: [container({ terminated: { exitCode: 1, reason: 'Error' } }, { name: 'init' })] },
      { initContainers: [{ name: 'init', image: 'busybox' }] },
    );
    expect(podCells(p, ctx)[2]).toBe('Init:Error');
  });

  it('shows Completed for a finished pod and Terminating for one being deleted', () => {
    const done = pod({ phase: 'Succeeded', containerStatuses: [container({ terminated: { exitCode: 0, reason: 'Completed' } })] });
    expect(podCells(done, ctx)[2]).toBe('Completed');
    const going = pod({ phase: 'Running', containerStatuses: [container({ running: {} }, { ready: true })] }, {}, { deletionTimestamp: '2026-01-05T10:00:30Z' });
    expect(podCells(going, ctx)[2]).toBe('Terminating');
  });

  it('shows SchedulingGated and the wide <none> placeholders for an unscheduled pod', () => {
    const p = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(podCells(p, { ...ctx, wide: true })).toEqual(['web', '0/1', 'SchedulingGated', '0', '60m', '<none>', '<none>', '<none>', '<none>']);
  });

  it('counts a started sidecar init container in READY', () => {
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [container({ running: {} }, { name: 'proxy', started: true, ready: true })],
        containerStatuses: [container({ running: {} }, { ready: true })],
      },
      { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] },
    );
    expect(podCells(p, ctx).slice(1, 3)).toEqual(['2/2', 'Running']);
  });
});
