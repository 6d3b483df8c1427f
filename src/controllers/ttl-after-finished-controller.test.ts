import { describe, expect, it } from 'vitest';
import type { Job } from '../api/job';
import { jobExpiresAt } from './ttl-after-finished-controller';

function job(ttl: number | undefined, finished?: 'Complete' | 'Failed', deleting = false): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j', namespace: 'default', ...(deleting ? { deletionTimestamp: '2026-01-05T09:02:00Z' } : {}) },
    spec: { template: { spec: { containers: [] } }, ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}) },
    status: finished ? { conditions: [{ type: finished, status: 'True', lastTransitionTime: '2026-01-05T09:01:00Z' }] } : {},
  };
}

describe('jobExpiresAt', () => {
  it.each([
    ['a complete job: finish time + TTL', job(30, 'Complete'), Date.parse('2026-01-05T09:01:30Z')],
    ['a failed job too', job(0, 'Failed'), Date.parse('2026-01-05T09:01:00Z')],
    ['no TTL: never', job(undefined, 'Complete'), undefined],
    ['still running: not yet', job(30), undefined],
    ['already being deleted', job(30, 'Complete', true), undefined],
  ])('%s', (_, j, expected) => {
    expect(jobExpiresAt(j)).toBe(expected);
  });
});
