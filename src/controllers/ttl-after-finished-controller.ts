// The TTL-after-finished controller (pkg/controller/ttlafterfinished): deletes a finished Job, with background
// propagation, ttlSecondsAfterFinished after the time it finished (its Complete or Failed condition).
import type { Job } from '../api/job';
import type { Controller } from '../sim/controller';
import { keyOf, splitKey } from '../sim/controller';
import { finishedCondition } from './job-controller';

export const TTL_AFTER_FINISHED = 'ttl-after-finished-controller';

/** When a finished Job with a TTL expires, ms; undefined while it runs or has no TTL. */
export function jobExpiresAt(job: Job): number | undefined {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null || job.metadata.deletionTimestamp) return undefined;
  const c = finishedCondition(job);
  if (!c?.lastTransitionTime) return undefined;
  return Date.parse(c.lastTransitionTime) + ttl * 1000;
}

export const ttlAfterFinishedController: Controller = {
  name: TTL_AFTER_FINISHED,
  watches: ['Job'],
  keysFor(change) {
    const o = change.object;
    if (o.kind !== 'Job' || change.type === 'DELETED') return [];
    return jobExpiresAt(o as Job) === undefined ? [] : [keyOf(o.metadata.namespace, o.metadata.name!)];
  },
  reconcile(key, ctx) {
    const [ns, name] = splitKey(key);
    const job = ctx.api.tryGet<Job>('Job', ns, name);
    if (!job) return;
    const expires = jobExpiresAt(job);
    if (expires === undefined) return;
    if (expires <= ctx.now) ctx.api.delete('Job', ns, name, { propagationPolicy: 'Background' });
    else ctx.requeueAfter(key, expires - ctx.now);
  },
};
