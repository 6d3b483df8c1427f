import { describe, expect, it } from 'vitest';
import type { CronJob } from '../../api/cronjob';
import { createJobFromCronJob, createJobObject, fromCronJobName, validateCreateJob } from './create-job';

// Golden: `kubectl create job … --dry-run=client -o json` of kubectl v1.32.
const MYJOB1 = `{
    "kind": "Job",
    "apiVersion": "batch/v1",
    "metadata": {
        "name": "myjob1",
        "creationTimestamp": null
    },
    "spec": {
        "template": {
            "metadata": {
                "creationTimestamp": null
            },
            "spec": {
                "containers": [
                    {
                        "name": "myjob1",
                        "image": "busybox",
                        "command": [
                            "/bin/sh",
                            "-c",
                            "sleep 30"
                        ],
                        "resources": {}
                    }
                ],
                "restartPolicy": "Never"
            }
        }
    },
    "status": {}
}`;
const J2 = `{
    "kind": "Job",
    "apiVersion": "batch/v1",
    "metadata": {
        "name": "j2",
        "namespace": "foo",
        "creationTimestamp": null
    },
    "spec": {
        "template": {
            "metadata": {
                "creationTimestamp": null
            },
            "spec": {
                "containers": [
                    {
                        "name": "j2",
                        "image": "busybox",
                        "resources": {}
                    }
                ],
                "restartPolicy": "Never"
            }
        }
    },
    "status": {}
}`;

describe('kubectl create job', () => {
  it('builds the Job of kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"', () => {
    expect(JSON.stringify(createJobObject({ name: 'myjob1', image: 'busybox', command: ['/bin/sh', '-c', 'sleep 30'] }), null, 4)).toBe(MYJOB1);
  });

  it('sets the namespace when -n is given', () => {
    expect(JSON.stringify(createJobObject({ name: 'j2', image: 'busybox', namespace: 'foo' }), null, 4)).toBe(J2);
  });

  it.each([
    [{ name: 'q' }, 'either --image or --from must be specified'],
    [{ name: 'q', image: 'a', from: 'cronjob/x' }, 'either --image or --from must be specified'],
    [{ name: 'q', from: 'cronjob/x', command: ['sh'] }, 'cannot specify --from and command'],
    [{ name: 'q', image: 'a' }, undefined],
  ])('validates %j', (o, error) => {
    expect(validateCreateJob(o)).toBe(error);
  });

  it('copies a CronJob for --from=cronjob/NAME', () => {
    const cj: CronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'dump', namespace: 'default', uid: 'u-1' },
      spec: {
        schedule: '*/1 * * * *',
        jobTemplate: { metadata: { labels: { app: 'dump' }, annotations: { note: 'x' } }, spec: { template: { spec: { containers: [{ name: 'mongo', image: 'mongo:4.0' }], restartPolicy: 'OnFailure' } } } },
      },
    };
    expect(fromCronJobName('cronjob/dump')).toBe('dump');
    expect(fromCronJobName('deploy/dump')).toBeUndefined();
    const job = createJobFromCronJob({ name: 'manual' }, cj);
    expect(job.metadata).toEqual({
      name: 'manual',
      creationTimestamp: null,
      labels: { app: 'dump' },
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', note: 'x' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'dump', uid: 'u-1', controller: true }],
    });
    expect(job.spec.template.spec.containers[0].image).toBe('mongo:4.0');
  });
});
