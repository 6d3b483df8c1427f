import { describe, expect, it } from 'vitest';
import type { Job, JobSpec } from '../api/job';
import type { Pod } from '../api/pod';
import { eventLines, newCluster } from '../testing/builders';
import type { Simulation } from '../sim/simulation';
import { backoffDelay, formatIndexes, JOB_TRACKING_FINALIZER, nextBackoffRecord, remainingBackoff } from './job-controller';

function jobManifest(name: string, command: string[], spec: Partial<JobSpec> = {}, restartPolicy: 'Never' | 'OnFailure' = 'Never'): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { containers: [{ name, image: 'busybox', command }], restartPolicy } }, ...spec },
  };
}

const job = (sim: Simulation, name: string) => sim.api.tryGet<Job>('Job', 'default', name);
const podsOf = (sim: Simulation, name: string) => sim.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.['job-name'] === name);
const conditionTypes = (j: Job | undefined) => (j?.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type);

describe('backoffDelay', () => {
  it.each([
    [0, 0],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [6, 320_000],
    [7, 600_000],
    [20, 600_000],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(backoffDelay(failures)).toBe(ms);
  });

  it('counts only failures after the last success', () => {
    const r = nextBackoffRecord({ failuresAfterLastSuccess: 3, lastFailureTime: 100 }, [200], [150, 250, 300]);
    expect(r).toEqual({ failuresAfterLastSuccess: 2, lastFailureTime: 300 });
    expect(remainingBackoff(r, 10_300)).toBe(10_000);
  });

  it('formats completed indexes as ranges', () => {
    expect(formatIndexes([4, 0, 1, 2, 6, 7])).toBe('0-2,4,6-7');
  });
});

describe('job controller', () => {
  it('runs kubectl create job myjob1 -- /bin/sh -c "sleep 30" to completion', () => {
    const sim = newCluster();
    sim.api.create(jobManifest('myjob1', ['/bin/sh', '-c', 'sleep 30']));
    sim.settle();
    const [pod] = podsOf(sim, 'myjob1');
    expect(pod.metadata.name).toMatch(/^myjob1-[a-z0-9]{5}$/);
    expect(pod.metadata.creationTimestamp).toBe(job(sim, 'myjob1')!.metadata.creationTimestamp);
    expect(pod.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'myjob1', uid: job(sim, 'myjob1')!.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(Object.keys(pod.metadata.labels!)).toEqual(['batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'controller-uid', 'job-name']);
    expect(job(sim, 'myjob1')!.status).toMatchObject({ active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    sim.advance(60_000);
    const done = job(sim, 'myjob1')!;
    expect(conditionTypes(done)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(done.status).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(done.status!.active).toBeUndefined();
    expect(done.status!.conditions![1]).toMatchObject({ reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(podsOf(sim, 'myjob1')[0].metadata.finalizers).toBeUndefined();
    const lines = eventLines(sim, 'myjob1');
    expect(lines[0]).toBe(`SuccessfulCreate: Created pod: ${pod.metadata.name}`);
    expect(lines).toContain('Completed: Job completed');
    const duration = Date.parse(done.status!.completionTime!) - Date.parse(done.status!.startTime!);
    expect(duration).toBeGreaterThanOrEqual(30_000);
    expect(duration).toBeLessThan(45_000);
  });

  it('creates a new pod per failure with back-off, then fails with BackoffLimitExceeded', () => {
    const sim = newCluster();
    sim.api.create(jobManifest('fails', ['/bin/sh', '-c', 'exit 1'], { backoffLimit: 2 }));
    sim.advance(5 * 60_000);
    const j = job(sim, 'fails')!;
    expect(podsOf(sim, 'fails')).toHaveLength(3);
    expect(j.status!.failed).toBe(3);
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status!.conditions![1]).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(eventLines(sim, 'fails')).toContain('BackoffLimitExceeded: Job has reached the specified backoff limit');
    // 10 s then 20 s between a failure and the next pod.
    const created = podsOf(sim, 'fails').map((p) => Date.parse(p.metadata.creationTimestamp!)).sort();
    const finished = podsOf(sim, 'fails')
      .map((p) => Date.parse(p.status!.containerStatuses![0].state.terminated!.finishedAt!))
      .sort();
    expect(created[1] - finished[0]).toBe(10_000);
    expect(created[2] - finished[1]).toBe(20_000);
  });

  it('counts container restarts against backoffLimit with restartPolicy OnFailure', () => {
    const sim = newCluster();
    sim.api.create(jobManifest('restarts', ['/bin/sh', '-c', 'exit 1'], { backoffLimit: 2 }, 'OnFailure'));
    sim.advance(10 * 60_000);
    const j = job(sim, 'restarts')!;
    expect(podsOf(sim, 'restarts').length).toBeLessThanOrEqual(1);
    expect(conditionTypes(j)).toContain('Failed');
    expect(j.status!.conditions!.find((c) => c.type === 'Failed')!.reason).toBe('BackoffLimitExceeded');
  });

  it('stops a job that runs past activeDeadlineSeconds', () => {
    const sim = newCluster();
    sim.api.create(jobManifest('slow', ['sleep', '300'], { activeDeadlineSeconds: 20 }));
    sim.advance(20_000);
    expect(conditionTypes(job(sim, 'slow'))).toEqual(['FailureTarget']);
    expect(eventLines(sim, 'slow').some((l) => l.startsWith('SuccessfulDelete: Deleted pod: slow-'))).toBe(true);
    sim.advance(60_000);
    const j = job(sim, 'slow')!;
    expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
    expect(j.status!.conditions![1]).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    expect(j.status!.failed).toBe(1);
  });

  it('runs completions with parallelism, Indexed pods get their index', () => {
    const sim = newCluster();
    sim.api.create(jobManifest('idx', ['sleep', '5'], { completions: 3, parallelism: 2, completionMode: 'Indexed' }));
    sim.settle();
    const first = podsOf(sim, 'idx');
    expect(first.map((p) => p.metadata.annotations!['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1']);
    expect(first[0].metadata.generateName).toMatch(/^idx-[01]-$/);
    expect(first[0].spec.containers[0].env![0].name).toBe('JOB_COMPLETION_INDEX');
    sim.advance(2 * 60_000);
    const j = job(sim, 'idx')!;
    expect(j.status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
    expect(conditionTypes(j)).toContain('Complete');
  });

  it('suspends and resumes', () => {
    const sim = newCluster();
    sim.api.create(jobManifest('sus', ['sleep', '30'], { suspend: true }));
    sim.advance(10_000);
    expect(podsOf(sim, 'sus')).toHaveLength(0);
    expect(conditionTypes(job(sim, 'sus'))).toEqual(['Suspended']);
    const j = job(sim, 'sus')!;
    sim.api.update<Job>({ ...j, metadata: { ...j.metadata, resourceVersion: undefined }, spec: { ...j.spec, suspend: false } });
    sim.settle();
    expect(podsOf(sim, 'sus')).toHaveLength(1);
    expect(eventLines(sim, 'sus')).toEqual(expect.arrayContaining(['Suspended: Job suspended', 'Resumed: Job resumed']));
  });

  it('deletes a finished job after ttlSecondsAfterFinished, pods included', () => {
    const sim = newCluster();
    sim.api.create(jobManifest('ttl', ['sleep', '5'], { ttlSecondsAfterFinished: 30 }));
    sim.advance(20_000);
    const done = job(sim, 'ttl')!;
    expect(conditionTypes(done)).toContain('Complete');
    const finishedAt = Date.parse(done.status!.completionTime!);
    sim.advanceTo(finishedAt + 29_000);
    expect(job(sim, 'ttl')).toBeDefined();
    sim.advanceTo(finishedAt + 30_000);
    expect(job(sim, 'ttl')).toBeUndefined();
    sim.advance(5000);
    expect(podsOf(sim, 'ttl')).toHaveLength(0);
  });

  describe('podFailurePolicy', () => {
    const policy = (rules: NonNullable<JobSpec['podFailurePolicy']>['rules']) => ({ podFailurePolicy: { rules } });

    it('fails the Job at the first pod whose exit code matches a FailJob rule, whatever the backoffLimit', () => {
      const sim = newCluster();
      sim.api.create(jobManifest('fatal', ['/bin/sh', '-c', 'exit 42'], { backoffLimit: 6, ...policy([{ action: 'FailJob', onExitCodes: { containerName: 'fatal', operator: 'In', values: [42] } }]) }));
      sim.advance(5 * 60_000);
      const j = job(sim, 'fatal')!;
      const pod = podsOf(sim, 'fatal');
      expect(pod).toHaveLength(1);
      expect(j.status!.failed).toBe(1);
      expect(conditionTypes(j)).toEqual(['FailureTarget', 'Failed']);
      const message = `Container fatal for pod default/${pod[0].metadata.name} failed with exit code 42 matching FailJob rule at index 0`;
      expect(j.status!.conditions![1]).toMatchObject({ reason: 'PodFailurePolicy', message });
      expect(eventLines(sim, 'fatal')).toContain(`PodFailurePolicy: ${message}`);
    });

    it('does not count failures an Ignore rule matches, and counts the others (NotIn skips exit code 0)', () => {
      const sim = newCluster();
      sim.api.create(jobManifest('flaky', ['/bin/sh', '-c', 'exit 3'], { backoffLimit: 1, ...policy([{ action: 'Ignore', onExitCodes: { operator: 'In', values: [3] } }]) }));
      sim.advance(90_000);
      expect(job(sim, 'flaky')!.status!.failed ?? 0).toBe(0);
      expect(podsOf(sim, 'flaky').length).toBeGreaterThan(2);
      expect(conditionTypes(job(sim, 'flaky'))).not.toContain('Failed');

      sim.api.create(jobManifest('counted', ['/bin/sh', '-c', 'exit 1'], { backoffLimit: 1, ...policy([{ action: 'Ignore', onExitCodes: { operator: 'NotIn', values: [1] } }]) }));
      sim.advance(5 * 60_000);
      expect(job(sim, 'counted')!.status!.conditions!.find((c) => c.type === 'Failed')!.reason).toBe('BackoffLimitExceeded');
    });

    it('is refused with restartPolicy OnFailure and with malformed rules, as the API server words it', () => {
      const sim = newCluster();
      expect(() => sim.api.create(jobManifest('onfailure', ['true'], policy([{ action: 'Count', onExitCodes: { operator: 'In', values: [1] } }]), 'OnFailure'))).toThrow(
        'Job.batch "onfailure" is invalid: spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      );
      expect(() => sim.api.create(jobManifest('bad', ['true'], policy([{ action: 'FailJob', onExitCodes: { operator: 'In', values: [0, 5, 2], containerName: 'nope' } }])))).toThrow(
        'Job.batch "bad" is invalid: [spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template, spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator, spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 5, 2}: must be ordered]',
      );
    });

    it('refuses podReplacementPolicy TerminatingOrFailed beside a pod failure policy', () => {
      const sim = newCluster();
      expect(() => sim.api.create(jobManifest('replace', ['true'], { podReplacementPolicy: 'TerminatingOrFailed', ...policy([{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } }]) }))).toThrow(
        'Job.batch "replace" is invalid: spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
      );
    });

    it('defaults a condition pattern to status True and podReplacementPolicy to Failed', () => {
      const sim = newCluster();
      const created = sim.api.create(jobManifest('defaults', ['true'], policy([{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }])));
      expect(created.spec.podFailurePolicy!.rules[0].onPodConditions![0].status).toBe('True');
      expect(created.spec.podReplacementPolicy).toBe('Failed');
    });
  });
});
