// kubectl create job / create cronjob wired to the API server: outputs and errors as kubectl 1.32 prints them
// (goldens from the real kubectl's --dry-run=client -o yaml).
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/test-cluster';

const JOB_YAML = `apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: myjob1
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - /bin/sh
        - -c
        - sleep 30
        image: busybox
        name: myjob1
        resources: {}
      restartPolicy: Never
status: {}
`;
const CRONJOB_YAML = `apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: x
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: x
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - date
            image: busybox
            name: x
            resources: {}
          restartPolicy: Never
  schedule: '*/1 * * * *'
status: {}
`;

describe('kubectl create job', () => {
  it('creates the Job kubectl builds, with the generated selector and labels', () => {
    const c = new TestCluster().kubectl('create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
    expect(c.last).toEqual({ stdout: 'job.batch/myjob1 created\n', stderr: '', exitCode: 0 });
    const job = c.sim.api.get('Job', 'default', 'myjob1') as { metadata: { uid: string; labels: Record<string, string> }; spec: { selector: unknown; template: { metadata: Record<string, unknown> } } };
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': job.metadata.uid } });
    expect(job.spec.template.metadata).toEqual({ labels: { 'batch.kubernetes.io/controller-uid': job.metadata.uid, 'batch.kubernetes.io/job-name': 'myjob1', 'controller-uid': job.metadata.uid, 'job-name': 'myjob1' } });
    expect(job.metadata.labels['job-name']).toBe('myjob1');
  });

  it('prints the client dry run as kubectl does', () => {
    expect(new TestCluster().kubectl('create job myjob1 --image=busybox --dry-run=client -o yaml -- /bin/sh -c "sleep 30"').last.stdout).toBe(JOB_YAML);
  });

  it.each([
    ['create job x', 'error: either --image or --from must be specified\n'],
    ['create job x --image=a --from=cronjob/b', 'error: either --image or --from must be specified\n'],
    ['create job --image=a', "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n"],
    ['create job x --from=cronjob/nope', 'Error from server (NotFound): cronjobs.batch "nope" not found\n'],
  ])('%s fails with kubectl’s message', (line, stderr) => {
    const c = new TestCluster().kubectl(line);
    expect(c.last).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('runs a CronJob now with --from=cronjob/NAME, owned by it and marked manual', () => {
    const c = new TestCluster().kubectl('create cronjob hello --image=busybox --schedule="0 3 * * *" -- date').kubectl('create job manual-1 --from=cronjob/hello');
    expect(c.last.stdout).toBe('job.batch/manual-1 created\n');
    const job = c.sim.api.get('Job', 'default', 'manual-1');
    expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
  });
});

describe('kubectl create cronjob', () => {
  it('creates it and prints the client dry run as kubectl does', () => {
    const c = new TestCluster().kubectl('create cronjob x --image=busybox --schedule="*/1 * * * *" --restart=Never --dry-run=client -o yaml -- date');
    expect(c.last.stdout).toBe(CRONJOB_YAML);
    expect(new TestCluster().kubectl('create cronjob x --image=busybox --schedule="*/1 * * * *"').last.stdout).toBe('cronjob.batch/x created\n');
  });

  it.each([
    ['create cronjob x --image=a', 'error: required flag(s) "schedule" not set\n'],
    ['create cronjob x --schedule="* * * * *"', 'error: required flag(s) "image" not set\n'],
  ])('%s fails with kubectl’s message', (line, stderr) => {
    expect(new TestCluster().kubectl(line).last).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('lets the API server refuse a bad schedule and a negative startingDeadlineSeconds', () => {
    const c = new TestCluster().kubectl('create cronjob x --image=a --schedule="61 * * * *"');
    expect(c.last.exitCode).toBe(1);
    expect(c.last.stderr).toMatch(/^The CronJob.batch "x" is invalid: spec.schedule: Invalid value: "61 \* \* \* \*"/);
    c.apply('apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: y\nspec:\n  schedule: "* * * * *"\n  startingDeadlineSeconds: -5\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n');
    expect(c.last.stderr).toBe('The CronJob.batch "y" is invalid: spec.startingDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0\n');
  });
});
