// Containers doing their work on the simulated clock, driven through the console as a learner types it
// (the lesson "Services et CronJobs": Exercise 1, the example CronJob, Exercise 2's dump Job and test pod).
import { describe, expect, it } from 'vitest';
import { Session } from '../host/session';
import { kubeletState } from '../controllers/kubelet-state';
import { hostPathFiles } from './container-exec';
import type { Pod } from '../api/pod';

const START = '2026-01-05T09:00:00Z';

function session(): Session {
  return new Session({ start: START, seed: 1, workers: 2 });
}

function pod(s: Session, name: string): Pod | undefined {
  return s.sim.api.tryGet<Pod>('Pod', 'default', name);
}

const MONGO_POD = `apiVersion: v1
kind: Pod
metadata:
  name: db
  labels:
    app: db
spec:
  containers:
  - name: mongo
    image: mongo:4.0
`;
const MONGO_SVC = `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  selector:
    app: db
  type: ClusterIP
  ports:
  - port: 27017
`;
const DUMP_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: dump
spec:
  template:
    spec:
      restartPolicy: Never
      nodeSelector:
        app: dump
      containers:
      - name: mongo
        image: mongo:4.0
        command:
        - /bin/bash
        - -c
        - mongodump --gzip --host db --archive=/dump/db.gz
        volumeMounts:
        - name: dump
          mountPath: /dump
      volumes:
      - name: dump
        hostPath:
          path: /dump
`;
const TEST_POD = (node?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: test
spec:
  ${node ? `nodeName: ${node}` : 'nodeSelector:\n    app: dump'}
  containers:
  - name: test
    image: alpine:3.15
    command:
    - "sleep"
    - "10000"
    volumeMounts:
    - name: dump
      mountPath: /dump
  volumes:
  - name: dump
    hostPath:
      path: /dump
`;

function applyText(s: Session, yaml: string) {
  return s.run('kubectl apply -f -', yaml);
}

describe('Exercise 2: the dump Job through the db Service', () => {
  it('writes /dump/db.gz on the labelled node, which a later pod there lists', () => {
    const s = session();
    applyText(s, MONGO_POD);
    applyText(s, MONGO_SVC);
    expect(s.run('kubectl label node kind-worker app=dump').stdout).toBe('node/kind-worker labeled\n');
    s.advance(60_000);
    expect(pod(s, 'db')?.status?.phase).toBe('Running');
    const logs = s.run('kubectl logs db').stdout.split('\n');
    expect(logs[1]).toMatch(/^2026-01-05T09:00:\d\d\.\d{3}\+0000 I CONTROL  \[initandlisten\] MongoDB starting : pid=1 port=27017 dbpath=\/data\/db 64-bit host=db$/);
    expect(logs.some((l) => l.endsWith('I NETWORK  [initandlisten] waiting for connections on port 27017'))).toBe(true);

    applyText(s, DUMP_JOB);
    s.advance(60_000);
    const job = s.run('kubectl get job dump -o jsonpath={.status.succeeded}');
    expect(job.stdout).toBe('1');
    const out = s.run('kubectl logs job/dump');
    expect(out.stdout).toMatch(/^2026-01-05T09:\d\d:\d\d\.\d{3}\+0000\twriting admin\.system\.version to archive '\/dump\/db\.gz'\n2026-01-05T09:\d\d:\d\d\.\d{3}\+0000\tdone dumping admin\.system\.version \(1 document\)\n$/);
    const served = s.run('kubectl logs db --tail 2').stdout;
    expect(served).toMatch(/^2026-01-05T09:0\d:\d\d\.\d{3}\+0000 I NETWORK  \[listener\] connection accepted from 10\.244\.1\.\d+:\d+ #1 \(1 connection now open\)\n.* I NETWORK  \[conn1\] end connection 10\.244\.1\.\d+:\d+ \(0 connections now open\)\n$/);
    const files = hostPathFiles(s.sim, 'kind-worker');
    expect(files.map((f) => [f.path, f.size])).toEqual([['/dump/db.gz', 371]]);
    expect(hostPathFiles(s.sim, 'kind-worker2')).toEqual([]);

    applyText(s, TEST_POD());
    s.advance(30_000);
    expect(pod(s, 'test')?.spec.nodeName).toBe('kind-worker');
    expect(s.run('kubectl exec test -- ls /dump')).toEqual({ stdout: 'db.gz\n', stderr: '', exitCode: 0, elapsedMs: 0 });
    expect(s.run('kubectl exec test -- cat /etc/alpine-release').stdout).toBe('3.15.11\n');
  });

  it('does not see the dump from a pod on another node', () => {
    const s = session();
    applyText(s, MONGO_POD);
    applyText(s, MONGO_SVC);
    s.run('kubectl label node kind-worker app=dump');
    s.advance(60_000);
    applyText(s, DUMP_JOB);
    s.advance(60_000);
    applyText(s, TEST_POD('kind-worker2'));
    s.advance(30_000);
    expect(s.run('kubectl exec test -- ls /dump').stdout).toBe('');
  });

  it('fails with no reachable servers and exit 1 when the db Service does not exist', () => {
    const s = session();
    s.run('kubectl label node kind-worker app=dump');
    applyText(s, DUMP_JOB);
    s.advance(60_000);
    const pods = s.sim.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.['job-name'] === 'dump');
    expect(pods[0].status?.containerStatuses?.[0].state.terminated?.exitCode).toBe(1);
    const logs = s.run(`kubectl logs ${pods[0].metadata.name}`).stdout;
    expect(logs).toMatch(/^2026-01-05T09:00:\d\d\.\d{3}\+0000\tFailed: error connecting to db server: no reachable servers\n$/);
    expect(hostPathFiles(s.sim, 'kind-worker')).toEqual([]);
  });

  it('does not resolve a bare pod name: --host db fails while only the pod exists', () => {
    const s = session();
    applyText(s, MONGO_POD);
    s.run('kubectl label node kind-worker app=dump');
    s.advance(60_000);
    applyText(s, DUMP_JOB);
    s.advance(60_000);
    expect(s.run('kubectl logs job/dump').stdout).toContain('Failed: error connecting to db server: no reachable servers');
  });
});

describe('PID 1 and signals', () => {
  it('makes a sleeping shell wait the whole grace period and end with 137', () => {
    const s = session();
    s.run('kubectl run sleeper --image=busybox -- sleep 3600');
    s.advance(20_000);
    s.run('kubectl delete pod sleeper --wait=false');
    s.advance(29_000);
    expect(pod(s, 'sleeper')?.status?.containerStatuses?.[0].state.running).toBeDefined();
    s.advance(2_000);
    expect(pod(s, 'sleeper')).toBeUndefined();
  });

  it('stops nginx at once on SIGTERM', () => {
    const s = session();
    s.run('kubectl run web --image=nginx');
    s.advance(30_000);
    s.run('kubectl delete pod web --wait=false');
    s.advance(2_000);
    expect(pod(s, 'web')).toBeUndefined();
  });

  it('ends the container with the exit code of its PID 1', () => {
    const s = session();
    s.run(`kubectl run ex --image=busybox --restart=Never -- sh -c 'echo bye; exit 3'`);
    s.advance(20_000);
    const st = pod(s, 'ex')?.status?.containerStatuses?.[0].state.terminated;
    expect(st?.exitCode).toBe(3);
    expect(st?.reason).toBe('Error');
    expect(s.run('kubectl logs ex').stdout).toBe('bye\n');
  });
});

describe('hostPath type checks', () => {
  it('leaves a pod ContainerCreating with FailedMount when a Directory is missing', () => {
    const s = session();
    applyText(s, `apiVersion: v1
kind: Pod
metadata:
  name: strict
spec:
  nodeName: kind-worker
  containers:
  - name: c
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: dump
      mountPath: /dump
  volumes:
  - name: dump
    hostPath:
      path: /dump
      type: Directory
`);
    s.advance(10_000);
    expect(pod(s, 'strict')?.status?.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    const events = s.run('kubectl get events --field-selector reason=FailedMount -o jsonpath={.items[0].message}');
    expect(events.stdout).toBe('MountVolume.SetUp failed for volume "dump" : hostPath type check failed: /dump is not a directory');
    expect(s.run('kubectl logs strict').stderr).toBe('Error from server (BadRequest): container "c" in pod "strict" is waiting to start: ContainerCreating\n');
  });

  it('creates a DirectoryOrCreate path and keeps files there after the pod is gone', () => {
    const s = session();
    const spec = (name: string, cmd: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: kind-worker
  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "${cmd}"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    hostPath:
      path: /srv/data
      type: DirectoryOrCreate
`;
    applyText(s, spec('writer', 'sleep 5; echo hello > /data/greeting'));
    s.advance(4_000);
    expect(hostPathFiles(s.sim, 'kind-worker')).toEqual([]);
    s.advance(20_000);
    expect(hostPathFiles(s.sim, 'kind-worker').map((f) => f.path)).toEqual(['/srv/data/greeting']);
    s.run('kubectl delete pod writer');
    applyText(s, spec('reader', 'cat /data/greeting; du -s /data'));
    s.advance(20_000);
    expect(s.run('kubectl logs reader').stdout).toBe('hello\n8\t/data\n');
  });

  it('refuses writes on a readOnly mount', () => {
    const s = session();
    applyText(s, `apiVersion: v1
kind: Pod
metadata:
  name: ro
spec:
  nodeName: kind-worker
  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "touch /data/x"]
    volumeMounts:
    - name: data
      mountPath: /data
      readOnly: true
  volumes:
  - name: data
    emptyDir: {}
`);
    s.advance(20_000);
    expect(s.run('kubectl logs ro').stdout).toBe("touch: /data/x: Read-only file system\n");
  });
});

describe('kubectl logs', () => {
  it('shows the previous run after a restart, and refuses --previous before one', () => {
    const s = session();
    s.run(`kubectl run crash --image=busybox -- sh -c 'echo run at $(date +%T); sleep 5; exit 1'`);
    expect(s.run('kubectl logs crash').stderr).toBe('Error from server (BadRequest): container "crash" in pod "crash" is waiting to start: ContainerCreating\n');
    s.advance(5_000);
    expect(s.run('kubectl logs crash --previous').stderr).toBe('Error from server (BadRequest): previous terminated container "crash" in pod "crash" not found\n');
    s.advance(25_000);
    const prev = s.run('kubectl logs crash -p');
    expect(prev.stdout).toMatch(/^run at 09:00:\d\d\n$/);
    expect(s.run('kubectl logs crash --timestamps').stdout).toMatch(/^2026-01-05T09:00:\d\d\.\d{9}Z run at 09:00:\d\d\n$/);
  });

  it('follows a container until it exits with -f', () => {
    const s = session();
    s.run(`kubectl run counter --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo $i; sleep 10; done'`);
    s.advance(5_000);
    const r = s.run('kubectl logs -f counter');
    expect(r.stdout).toBe('1\n2\n3\n');
    expect(r.elapsedMs).toBeGreaterThan(20_000);
  });
});

describe('kubectl exec', () => {
  it('prints the exit code of a failing command and refuses completed pods', () => {
    const s = session();
    s.run('kubectl run box --image=busybox -- sleep 3600');
    // The scheduler has bound it by the time the prompt comes back, but its container is still being created.
    expect(s.run('kubectl exec box -- ls').stderr).toBe('error: unable to upgrade connection: container not found ("box")\n');
    s.advance(1_000);
    expect(s.run('kubectl exec box -- ls').stderr).toBe('error: unable to upgrade connection: container not found ("box")\n');
    s.advance(20_000);
    expect(s.run('kubectl exec box -- sh -c "exit 4"')).toEqual({ stdout: '', stderr: 'command terminated with exit code 4\n', exitCode: 4, elapsedMs: 0 });
    expect(s.run('kubectl exec box ls').stderr).toBe('error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n');
    expect(s.run('kubectl exec box -c nope -- ls').stderr).toBe('error: container nope is not valid for pod box out of: box\n');
    s.run(`kubectl run done --image=busybox --restart=Never -- true`);
    s.advance(20_000);
    expect(s.run('kubectl exec done -- ls').stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
  });

  it('opens an interactive shell with kubectl exec -ti and closes it with exit', () => {
    const s = session();
    s.run('kubectl run box --image=alpine:3.15 -- sleep 3600');
    s.advance(20_000);
    const r = s.run('kubectl exec -ti box -- sh');
    expect(r.interactive?.prompt).toBe('/ # ');
    const id = r.interactive!.id;
    expect(s.input(id, 'echo hi > /tmp/f; cat /tmp/f')).toEqual({ output: 'hi\n', prompt: '/ # ', elapsedMs: 0, exited: undefined });
    expect(s.run('kubectl exec box -- cat /tmp/f').stdout).toBe('hi\n');
    expect(s.input(id, 'exit').exited).toBe(0);
  });
});

describe('the console is a shell', () => {
  it('writes a file with a here-document and applies it (the bonus of Exercise 1)', () => {
    const s = session();
    const r = s.run(`cat > myjob2.yaml <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: myjob2
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: hello
        image: busybox
        command: ["sh", "-c", "echo Hello Kubernetes"]
EOF
kubectl apply -f myjob2.yaml`);
    expect(r.stdout).toBe('job.batch/myjob2 created\n');
    expect(s.listFiles().map((f) => f.name)).toContain('myjob2.yaml');
    s.advance(30_000);
    expect(s.run('kubectl logs job/myjob2').stdout).toBe('Hello Kubernetes\n');
    expect(s.run('kubectl get pods --no-headers | grep myjob2 | wc -l').stdout).toBe('1\n');
    expect(s.run('N=$(kubectl get jobs -o name); echo "$N"').stdout).toBe('job.batch/myjob2\n');
  });

  it('lets sleep run the cluster: the Exercise 1 job completes during sleep 40', () => {
    const s = session();
    s.run('kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
    const r = s.run('sleep 40; kubectl get job myjob1 -o jsonpath={.status.succeeded}');
    expect(r.stdout).toBe('1');
    expect(r.elapsedMs).toBe(40_000);
  });

  it('answers an unknown command like busybox sh', () => {
    expect(session().run('nosuch')).toEqual({ stdout: '', stderr: 'sh: nosuch: not found\n', exitCode: 127, elapsedMs: 0 });
  });
});

describe('determinism', () => {
  it('gives the same kubelet state for the same inputs', () => {
    const runOnce = () => {
      const s = session();
      applyText(s, MONGO_POD);
      applyText(s, MONGO_SVC);
      s.run('kubectl label node kind-worker app=dump');
      s.advance(60_000);
      applyText(s, DUMP_JOB);
      s.advance(60_000);
      return JSON.stringify(kubeletState(s.sim));
    };
    expect(runOnce()).toBe(runOnce());
  });

  it('continues a saved session exactly as the original: pending writes and logs are in the snapshot', () => {
    const s = session();
    s.run('kubectl label node kind-worker app=dump');
    applyText(s, `apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  nodeSelector:
    app: dump
  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo start; sleep 60; echo done > /dump/late; echo end"]
    volumeMounts:
    - name: dump
      mountPath: /dump
  volumes:
  - name: dump
    hostPath:
      path: /dump
`);
    s.advance(20_000);
    expect(s.run('kubectl logs slow').stdout).toBe('start\n');
    const copy = new Session({ start: START });
    copy.load(JSON.stringify(s.save()));
    for (const x of [s, copy]) x.advance(60_000);
    expect(copy.run('kubectl logs slow').stdout).toBe('start\nend\n');
    expect(hostPathFiles(copy.sim, 'kind-worker').map((f) => f.path)).toEqual(['/dump/late']);
    // Snapshots store keys sorted: compare key-sorted.
    const canonical = (v: unknown): unknown => (Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v);
    expect(JSON.stringify(canonical(kubeletState(copy.sim)))).toBe(JSON.stringify(canonical(kubeletState(s.sim))));
  });
});
