import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/api/pod';
import { podStatus } from './pod-status';

function pod(status: Pod['status'], extra: Partial<Pod['metadata']> = {}, nodeName?: string): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...extra }, spec: { containers: [{ name: 'c', image: 'i' }], nodeName }, status };
}
const running = { name: 'c', ready: true, restartCount: 0, image: 'i', imageID: '', state: { running: {} }, lastState: {} };

describe('pod status', () => {
  it.each<[string, Pod, string, string]>([
    ['a pod no node was found for', pod({ phase: 'Pending' }), 'Pending', 'Pending'],
    ['a pod whose image is being pulled', pod({ phase: 'Pending', containerStatuses: [{ ...running, ready: false, state: { waiting: { reason: 'ContainerCreating' } } }] }, {}, 'n'), 'ContainerCreating', 'Creating'],
    ['a running pod', pod({ phase: 'Running', containerStatuses: [running] }, {}, 'n'), 'Running', 'Running'],
    ['a crash-looping pod', pod({ phase: 'Running', containerStatuses: [{ ...running, ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }, {}, 'n'), 'CrashLoopBackOff', 'Waiting'],
    ['a finished job pod', pod({ phase: 'Succeeded', containerStatuses: [{ ...running, ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, {}, 'n'), 'Completed', 'Succeeded'],
    ['a failed pod', pod({ phase: 'Failed', containerStatuses: [{ ...running, ready: false, state: { terminated: { exitCode: 1, reason: 'Error' } } }] }, {}, 'n'), 'Error', 'Failed'],
    ['a pod being deleted', pod({ phase: 'Running', containerStatuses: [running] }, { deletionTimestamp: '2026-01-05T09:00:00Z' }, 'n'), 'Terminating', 'Terminating'],
  ])('shows %s as kubectl does', (_what, p, text, category) => {
    expect(podStatus(p)).toMatchObject({ text, category });
  });
});
