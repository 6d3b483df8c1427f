// The lesson's "Introduction aux CronJobs" exercises, typed as the lesson writes them (<NODE_NAME> = kind-worker),
// replayed through the CLI with files in memory; each step's output is what kubectl 1.32 prints on a kind cluster.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIO } from './cli-app';
import { COMMANDS } from '../src/kubectl/kubectl';

const LESSON_FILES = join(import.meta.dirname, '../assets/lessons/services-and-cronjobs/files');
const lessonFile = (name: string) => readFileSync(join(LESSON_FILES, name), 'utf8');

const START = '2026-01-05T09:00:00Z';

/** The bonus of Exercice 1: a Job that prints "Hello Kubernetes". */
const MYJOB2 = `apiVersion: batch/v1
kind: Job
metadata:
  name: myjob2
spec:
  template:
    spec:
      containers:
      - name: hello
        image: busybox
        command: ["/bin/sh", "-c", "echo Hello Kubernetes"]
      restartPolicy: Never
`;

/** A CLI session with the lesson's files on an in-memory disk. */
function lessonCli() {
  const disk = new Map<string, string>();
  for (const f of ['mongo-pod.yaml', 'mongo-svc.yaml', 'mongo-dump-job.yaml', 'mongo-dump-cronjob.yaml', 'test-pod.yaml']) disk.set(f, lessonFile(f));
  disk.set('myjob2.yaml', MYJOB2);
  let out = '';
  let err = '';
  const io: CliIO = {
    readFile: (p) => disk.get(p),
    writeFile: (p, t) => void disk.set(p, t),
    listDir: () => undefined,
    stdin: () => '',
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    now: () => Date.parse(START),
  };
  const run = (...argv: string[]) => {
    out = '';
    err = '';
    const code = runCli(argv, io);
    return { code, out, err };
  };
  run('reset', '--start', START);
  return {
    disk,
    run,
    /** `kubectl …` as typed in a shell (words already split). */
    kubectl: (...argv: string[]) => run('kubectl', ...argv),
    advance: (d: string) => run('advance', d),
    time: () => run('time').out.trim(),
  };
}

type Cli = ReturnType<typeof lessonCli>;

/** Rows of a `kubectl get` table, split on runs of spaces. */
function rows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.trim().split(/\s{2,}/));
}

/** The Jobs of the namespace: name, creation time, and finished condition, read through kubectl's jsonpath. */
function jobs(cli: Cli): { name: string; created: string; done: string }[] {
  const r = cli.kubectl('get', 'jobs', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.metadata.creationTimestamp} {.status.conditions[*].type}{"\\n"}{end}');
  return r.out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [name, created, ...types] = l.split(' ');
      return { name, created, done: types.filter((t) => t === 'Complete' || t === 'Failed').join(',') };
    });
}

const execIsSimulated = !!COMMANDS.find((c) => c.name === 'exec')?.run;

describe('Exercice 1: creating and managing Jobs', () => {
  it('creates myjob1, shows it Running then Complete, describes it and deletes it with its pod', () => {
    const cli = lessonCli();
    expect(cli.kubectl('create', 'job', 'myjob1', '--image=busybox', '--', '/bin/sh', '-c', 'sleep 30')).toEqual({ code: 0, out: 'job.batch/myjob1 created\n', err: '' });

    cli.advance('5s');
    expect(cli.kubectl('get', 'jobs').out).toBe('NAME     STATUS    COMPLETIONS   DURATION   AGE\nmyjob1   Running   0/1           5s         5s\n');

    cli.advance('40s');
    const done = cli.kubectl('get', 'jobs').out;
    expect(done).toMatch(/^NAME {5}STATUS {5}COMPLETIONS {3}DURATION {3}AGE\nmyjob1 {3}Complete {3}1\/1 {11}3\ds {8}45s\n$/);

    const d = cli.kubectl('describe', 'job', 'myjob1').out;
    expect(d).toMatch(/^Name: {13}myjob1\nNamespace: {8}default\nSelector: {9}batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}\n/);
    expect(d).toContain('Parallelism:      1\nCompletions:      1\nCompletion Mode:  NonIndexed\nSuspend:          false\nBackoff Limit:    6\n');
    expect(d).toContain('Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n');
    expect(d).toMatch(/Command:\n {6}\/bin\/sh\n {6}-c\n {6}sleep 30\n/);
    expect(d).toMatch(/Normal {2}SuccessfulCreate {2}45s {3}job-controller {2}Created pod: myjob1-[a-z0-9]{5}\n/);
    expect(d).toMatch(/Normal {2}Completed {9}1\ds {3}job-controller {2}Job completed\n$/);

    expect(cli.kubectl('delete', 'job', 'myjob1')).toEqual({ code: 0, out: 'job.batch "myjob1" deleted\n', err: '' });
    cli.advance('1s');
    expect(cli.kubectl('get', 'jobs')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' });
    expect(cli.kubectl('get', 'pods')).toEqual({ code: 0, out: '', err: 'No resources found in default namespace.\n' });
  });

  it('applies the bonus myjob2.yaml and waits for it to complete on the simulated clock', () => {
    const cli = lessonCli();
    expect(cli.kubectl('apply', '-f', 'myjob2.yaml').out).toBe('job.batch/myjob2 created\n');
    expect(cli.kubectl('wait', '--for=condition=complete', 'job/myjob2', '--timeout=60s')).toEqual({ code: 0, out: 'job.batch/myjob2 condition met\n', err: '' });
    expect(rows(cli.kubectl('get', 'jobs').out)[0].slice(0, 3)).toEqual(['myjob2', 'Complete', '1/1']);
  });

  it('times out a wait as kubectl does when the Job cannot finish in time', () => {
    const cli = lessonCli();
    cli.kubectl('create', 'job', 'myjob1', '--image=busybox', '--', '/bin/sh', '-c', 'sleep 30');
    expect(cli.kubectl('wait', '--for=condition=complete', 'job/myjob1', '--timeout=10s')).toEqual({ code: 1, out: '', err: 'error: timed out waiting for the condition on jobs/myjob1\n' });
    expect(cli.time()).toBe('2026-01-05T09:00:10Z');
  });
});

describe('Exercice 2: CronJobs', () => {
  /** Steps 1 to 4 of the lesson (step 3, the node label, can be left out). */
  function upToTheDumpJob(label: boolean): Cli {
    const cli = lessonCli();
    expect(cli.kubectl('apply', '-f', 'mongo-pod.yaml').out).toBe('pod/db created\n');
    expect(cli.kubectl('apply', '-f', 'mongo-svc.yaml').out).toBe('service/db created\n');
    if (label) expect(cli.kubectl('label', 'node', 'kind-worker', 'app=dump').out).toBe('node/kind-worker labeled\n');
    expect(cli.kubectl('apply', '-f', 'mongo-dump-job.yaml').out).toBe('job.batch/dump created\n');
    return cli;
  }

  it('runs the dump Job on the labelled node, refuses batch/v1beta1, then fires a Job every minute at second 0', () => {
    const cli = upToTheDumpJob(true);
    cli.advance('30s');
    const pods = cli.kubectl('get', 'pods', '-o', 'wide').out;
    expect(rows(pods).find((r) => r[0] === 'db')?.slice(1, 3)).toEqual(['1/1', 'Running']);
    const dumpPods = rows(pods).filter((r) => r[0].startsWith('dump-'));
    expect(dumpPods.length).toBeGreaterThan(0);
    for (const r of dumpPods) expect(r[6]).toBe('kind-worker');

    // Step 5 as written: batch/v1beta1 is gone since 1.25.
    expect(cli.kubectl('apply', '-f', 'mongo-dump-cronjob.yaml')).toEqual({
      code: 1,
      out: '',
      err: 'error: resource mapping not found for name: "dump" namespace: "" from "mongo-dump-cronjob.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n',
    });
    // The fix: batch/v1.
    cli.disk.set('mongo-dump-cronjob.yaml', cli.disk.get('mongo-dump-cronjob.yaml')!.replace('apiVersion: batch/v1beta1', 'apiVersion: batch/v1'));
    expect(cli.kubectl('apply', '-f', 'mongo-dump-cronjob.yaml')).toEqual({ code: 0, out: 'cronjob.batch/dump created\n', err: '' });

    cli.advance('3m');
    const fromCron = jobs(cli).filter((j) => j.name !== 'dump');
    expect(fromCron.map((j) => j.name)).toEqual(['dump-29460061', 'dump-29460062', 'dump-29460063']);
    expect(fromCron.map((j) => j.created)).toEqual(['2026-01-05T09:01:00Z', '2026-01-05T09:02:00Z', '2026-01-05T09:03:00Z']);
    const cj = rows(cli.kubectl('get', 'cronjobs').out)[0];
    expect(cj.slice(0, 3)).toEqual(['dump', '*/1 * * * *', '<none>']);
    expect(cj[5]).toBe('30s');

    // Ten more minutes: the history limits (3 successful, 1 failed) bound what is kept.
    cli.advance('10m');
    const kept = jobs(cli).filter((j) => j.name !== 'dump');
    expect(kept.filter((j) => j.done === 'Complete').length).toBeLessThanOrEqual(3);
    expect(kept.filter((j) => j.done === 'Failed').length).toBeLessThanOrEqual(1);
    expect(kept.at(-1)!.name).toBe('dump-29460073');
    if (execIsSimulated) {
      // With the containers' programs simulated, mongodump succeeds: the one-off Job and each run complete, and
      // exactly successfulJobsHistoryLimit (3) finished runs are kept.
      expect(jobs(cli).find((j) => j.name === 'dump')?.done).toBe('Complete');
      expect(kept.map((j) => j.done)).toEqual(['Complete', 'Complete', 'Complete']);
    }

    // Step 6: the test pod lands on the labelled node.
    expect(cli.kubectl('apply', '-f', 'test-pod.yaml').out).toBe('pod/test created\n');
    cli.advance('30s');
    const test = rows(cli.kubectl('get', 'pod', 'test', '-o', 'wide').out)[0];
    expect([test[1], test[2], test[6]]).toEqual(['1/1', 'Running', 'kind-worker']);

    // Step 7: cleanup; the CronJob's Jobs and pods go with it.
    expect(cli.kubectl('delete', 'job', 'dump').out).toBe('job.batch "dump" deleted\n');
    expect(cli.kubectl('delete', 'cronjob', 'dump').out).toBe('cronjob.batch "dump" deleted\n');
    expect(cli.kubectl('delete', 'pod', 'test').out).toBe('pod "test" deleted\n');
    expect(cli.kubectl('delete', 'pod', 'db').out).toBe('pod "db" deleted\n');
    expect(cli.kubectl('delete', 'service', 'db').out).toBe('service "db" deleted\n');
    cli.advance('1m');
    expect(cli.kubectl('get', 'jobs,cronjobs').err).toBe('No resources found in default namespace.\n');
    expect(cli.kubectl('get', 'pods').err).toBe('No resources found in default namespace.\n');
  });

  it.skipIf(!execIsSimulated)('lists one dump archive per minute in /dump from the test pod (needs kubectl exec)', () => {
    const cli = upToTheDumpJob(true);
    cli.disk.set('mongo-dump-cronjob.yaml', cli.disk.get('mongo-dump-cronjob.yaml')!.replace('apiVersion: batch/v1beta1', 'apiVersion: batch/v1'));
    cli.kubectl('apply', '-f', 'mongo-dump-cronjob.yaml');
    cli.kubectl('apply', '-f', 'test-pod.yaml');
    cli.advance('3m50s');
    const ls = cli.kubectl('exec', 'test', '--', 'ls', '/dump');
    expect(ls.code).toBe(0);
    const names = ls.out.split(/\s+/).filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['db.gz', '20260105T090100-db.gz', '20260105T090200-db.gz', '20260105T090300-db.gz']));
  });

  it('serves batch/v1beta1 on 1.24 with the deprecation warning on stderr', () => {
    const cli = lessonCli();
    cli.run('reset', '--kubernetes', '1.24', '--start', START);
    expect(cli.kubectl('apply', '-f', 'mongo-dump-cronjob.yaml')).toEqual({
      code: 0,
      out: 'cronjob.batch/dump created\n',
      err: 'Warning: batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob\n',
    });
  });

  it('refuses batch/v1beta1 in create -f with the same two lines', () => {
    const cli = lessonCli();
    const r = cli.kubectl('create', '-f', 'mongo-dump-cronjob.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: resource mapping not found for name: "dump" namespace: "" from "mongo-dump-cronjob.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n');
  });

  it('leaves the dump pod Pending with FailedScheduling when step 3 (the node label) is skipped', () => {
    const cli = upToTheDumpJob(false);
    cli.advance('30s');
    const pod = rows(cli.kubectl('get', 'pods').out).find((r) => r[0].startsWith('dump-'))!;
    expect(pod.slice(1, 3)).toEqual(['0/1', 'Pending']);
    const d = cli.kubectl('describe', 'pod', pod[0]).out;
    expect(d).toContain('Node-Selectors:              app=dump\n');
    expect(d).toMatch(/Warning {2}FailedScheduling {2}.* {2}default-scheduler {2}0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 node\(s\) didn't match Pod's node affinity\/selector\. preemption: 0\/3 nodes are available: 3 Preemption is not helpful for scheduling\.\n/);
    expect(rows(cli.kubectl('get', 'jobs').out)[0].slice(0, 3)).toEqual(['dump', 'Running', '0/1']);
  });
});
