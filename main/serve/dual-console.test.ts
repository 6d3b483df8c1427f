// One truth for both consoles: each kubectl command line runs in the emulation (runKubectl) and in the real kubectl
// against `kubeville serve`, on two simulations built the same way; outputs are compared and differences listed.
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/host/session';
import type { Pod } from '../../src/api/pod';
import { runKubectl } from '../../src/kubectl/kubectl';
import { startTestServer, type TestServer } from './test-server.test-helper';

function findKubectl(): string | undefined {
  if (process.env.DUAL_CONSOLE_KUBECTL) return process.env.DUAL_CONSOLE_KUBECTL;
  try {
    return execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const KUBECTL = findKubectl();

/** `same`: the outputs must match; otherwise why they may not (client clock, client version…). `args` when a word
 * holds spaces; `advance` moves both clocks (ms) before the command; `live`: the served clock runs (1 s per 20 ms)
 * once the served state says the command has done its part, for commands that wait for time to pass (drain), then
 * the emulation's clock catches up. */
const COMMANDS: { line: string; same: true | string; args?: string[]; advance?: number; live?: (s: Session) => boolean }[] = [
  { line: 'get nodes', same: true },
  { line: 'get nodes -o wide', same: true },
  { line: 'get pods -A', same: true },
  { line: 'get pods -A -o wide', same: true },
  { line: 'get pods -l app=web', same: true },
  { line: 'get pods --field-selector status.phase=Running', same: true },
  { line: 'get svc -A', same: true },
  { line: 'get ns', same: true },
  { line: 'get deploy,rs', same: true },
  { line: 'get jobs,cronjobs', same: true },
  { line: 'get all', same: true },
  { line: 'get pod web -o yaml', same: true },
  { line: 'get pod web -o json', same: true },
  { line: 'get pod nope', same: true },
  { line: 'get events', same: true },
  { line: 'describe pod web', same: 'event ages are computed by kubectl from the machine clock' },
  { line: 'describe node kind-worker', same: 'event ages and lease times are computed by kubectl from the machine clock' },
  { line: 'label pod web tier=front', same: true },
  { line: 'annotate pod web note=hello', same: true },
  { line: 'get pods --show-labels', same: true },
  { line: 'apply -f web-cm.yaml', same: true },
  { line: 'apply -f web-cm.yaml', same: true },
  { line: 'create -f web-cm.yaml', same: true },
  { line: 'delete configmap web-config', same: true },
  { line: 'run other --image=busybox -- sleep 3600', same: true },
  { line: 'version', same: 'the client version is the installed kubectl’s' },
  { line: 'api-resources', same: true },
  { line: 'cluster-info', same: 'the server URL is the served port, not kind’s' },
  // Exercise 1 (jobs): kubectl create job sends a protobuf body.
  { line: 'create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"', args: ['create', 'job', 'myjob1', '--image=busybox', '--', '/bin/sh', '-c', 'sleep 30'], same: true },
  { line: 'get jobs', same: true },
  { line: 'get jobs', same: true, advance: 45_000 },
  { line: 'describe job myjob1', same: 'Start Time and Completed At are printed by kubectl in the machine’s time zone, event ages from its clock' },
  { line: 'logs job/myjob1', same: true },
  { line: 'delete job myjob1', same: true },
  { line: 'create deployment hello --image=nginx --replicas=2', same: true },
  { line: 'create service clusterip hello --tcp=80:80', same: true },
  { line: 'expose deployment hello --port=8080 --name=hello2', same: true },
  { line: 'scale deployment hello --replicas=3', same: true },
  // Field managers as kubectl names them: kubectl-create, kubectl-label, kubectl-expose, kubectl with subresource scale.
  { line: 'label deployment hello tier=web', same: true },
  { line: 'get deployment hello -o yaml --show-managed-fields', same: true },
  { line: 'get service hello2 -o yaml --show-managed-fields', same: true },
  // Exercise 2 (services and cronjobs).
  { line: 'apply -f mongo-pod.yaml', same: true },
  { line: 'apply -f mongo-svc.yaml', same: true },
  { line: 'get pods', same: true, advance: 60_000 },
  { line: 'get endpoints db', same: true },
  { line: 'label node kind-worker app=dump', same: true },
  { line: 'apply -f mongo-dump-job.yaml', same: true },
  { line: 'get jobs', same: true, advance: 60_000 },
  { line: 'logs job/dump', same: true },
  { line: 'delete job dump', same: true },
  { line: 'apply -f mongo-dump-cronjob.yaml', same: true },
  // The lesson's file says batch/v1beta1 on purpose; the learner fixes it to batch/v1.
  { line: 'apply -f mongo-dump-cronjob-fixed.yaml', same: true },
  { line: 'get cronjobs,jobs', same: true, advance: 150_000 },
  { line: 'apply -f test-pod.yaml', same: true },
  { line: 'exec test -- ls /dump', same: true, advance: 30_000 },
  { line: 'delete cronjob dump', same: true },
  // Server-side apply (issue 9, step 4): create, unchanged re-apply, managed fields, conflicts and --force-conflicts.
  { line: 'apply --server-side -f ssa-deploy.yaml', same: true },
  { line: 'apply --server-side -f ssa-deploy.yaml', same: true },
  { line: 'get deployment ssa -o yaml', same: true },
  { line: 'get deployment ssa -o yaml --show-managed-fields', same: true },
  { line: 'apply -f ssa-cm.yaml', same: true },
  { line: 'apply --server-side -f ssa-cm.yaml', same: true },
  { line: 'get configmap ssa-config -o yaml --show-managed-fields', same: true },
  { line: 'apply --server-side --field-manager=other -f ssa-cm2.yaml', same: true },
  { line: 'apply --server-side --field-manager=other --force-conflicts -f ssa-cm2.yaml', same: true },
  { line: 'get configmap ssa-config -o yaml --show-managed-fields', same: true },
  { line: 'scale deployment ssa --replicas=3', same: true },
  { line: 'apply --server-side -f ssa-deploy.yaml', same: true },
  { line: 'apply --server-side --force-conflicts -f ssa-deploy.yaml', same: true },
  { line: 'get deployment ssa -o jsonpath={.spec.replicas}', same: true },
  // fieldValidation=Strict refuses unknown fields at any depth.
  { line: 'apply -f bad-field.yaml', same: true },
  { line: 'apply --server-side -f bad-field.yaml', same: true },
  // kubectl explain reads the served OpenAPI v3 documents; the emulation prints from the same documents.
  { line: 'explain pod', same: true },
  { line: 'explain pod.spec.containers', same: true },
  { line: 'explain cronjob.spec.jobTemplate --recursive', same: true },
  { line: 'explain deployment --api-version=apps/v1', same: true },
  { line: 'explain svc.spec.type', same: true },
  { line: 'explain pod.spec.nope', same: true },
  // kubectl drain evicts through pods/eviction (policy/v1) and waits for the pods to go. Last: the served clock runs.
  { line: 'apply -f drain-deploy.yaml', same: true },
  { line: 'get pods -l app=drainme -o wide', same: true, advance: 30_000 },
  { line: 'drain kind-worker2 --ignore-daemonsets --pod-selector=app=drainme', same: true, live: (s) => s.sim.api.list<Pod>('Pod', 'default').some((p) => p.metadata.labels?.app === 'drainme' && !!p.metadata.deletionTimestamp) },
  { line: 'uncordon kind-worker2', same: true },
];

const SSA_DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ssa
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ssa
  template:
    metadata:
      labels:
        app: ssa
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

const SSA_CM = (value: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ssa-config
data:
  greeting: "${value}"
`;

const BAD_FIELD = `apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
  - name: main
    image: nginx
    imagee: nginx
`;

const DRAIN_DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: drainme
spec:
  replicas: 1
  selector:
    matchLabels:
      app: drainme
  template:
    metadata:
      labels:
        app: drainme
    spec:
      nodeSelector:
        kubernetes.io/hostname: kind-worker2
      containers:
      - name: nginx
        image: nginx:1.27
`;

const EXTRA_FILES: Record<string, string> = { 'drain-deploy.yaml': DRAIN_DEPLOY, 'bad-field.yaml': BAD_FIELD, 'ssa-deploy.yaml': SSA_DEPLOY, 'ssa-cm.yaml': SSA_CM('hello'), 'ssa-cm2.yaml': SSA_CM('bonjour') };

const LESSON_FILES = join(import.meta.dirname, '..', '..', 'assets', 'lessons', 'services-and-cronjobs', 'files');
const FIXED_CRONJOB = readFileSync(join(LESSON_FILES, 'mongo-dump-cronjob.yaml'), 'utf8').replace('batch/v1beta1', 'batch/v1');

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
`;

function newSession(start: number): Session {
  const s = new Session({ startMs: start, seed: 7 });
  s.sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
  s.sim.settle();
  s.advance(60_000);
  return s;
}

function run(file: string, args: string[], env: Record<string, string>, cwd: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, ...env }, timeout: 10_000, cwd }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, exitCode: error ? ((error as { code?: number }).code ?? 1) : 0 });
    });
  });
}

const suite = KUBECTL ? describe : describe.skip;
if (!KUBECTL) console.warn('dual-console: SKIPPED — no kubectl on PATH; install kubectl 1.27–1.33 to compare both consoles');

suite(`dual console: the emulation and ${KUBECTL ?? 'kubectl'} against kubeville serve`, () => {
  let server: TestServer;
  let emulated: Session;
  const differences: string[] = [];

  beforeAll(async () => {
    // Both simulations end their setup at the wall-clock second, so what kubectl computes from the machine clock
    // (describe's event ages) stays close.
    const start = Math.floor((Date.now() - 60_000) / 1000) * 1000;
    server = await startTestServer(newSession(start));
    emulated = newSession(start);
    writeFileSync(join(server.dir, 'web-cm.yaml'), CM);
    for (const f of readdirSync(LESSON_FILES)) writeFileSync(join(server.dir, f), readFileSync(join(LESSON_FILES, f)));
    writeFileSync(join(server.dir, 'mongo-dump-cronjob-fixed.yaml'), FIXED_CRONJOB);
    for (const [f, text] of Object.entries(EXTRA_FILES)) writeFileSync(join(server.dir, f), text);
  });

  afterAll(async () => {
    await server?.stop();
    if (differences.length) console.log(`dual-console differences (${differences.length}):\n${differences.join('\n')}`);
  });

  it('prints the same text in both consoles for every command of the table', async () => {
    const env = { KUBECONFIG: server.kubeconfig, KUBECACHEDIR: join(server.dir, 'cache'), HOME: server.dir };
    // kubectl names its field manager after its binary (the User-Agent's first word): call it kubectl, as learners do.
    mkdirSync(join(server.dir, 'bin'));
    const kubectl = join(server.dir, 'bin', 'kubectl');
    symlinkSync(KUBECTL!, kubectl);
    const mismatched: string[] = [];
    const files = (p: string) => EXTRA_FILES[p] ?? (p === 'web-cm.yaml' ? CM : p === 'mongo-dump-cronjob-fixed.yaml' ? FIXED_CRONJOB : readFileSync(join(LESSON_FILES, p), 'utf8'));
    for (const { line, same, args: words, advance, live } of COMMANDS) {
      if (advance) {
        server.session.advance(advance);
        emulated.advance(advance);
      }
      const args = words ?? line.split(' ');
      let started = false;
      const ticker = live ? setInterval(() => (started ||= live(server.session)) && server.session.advance(1_000), 20) : undefined;
      const real = await run(kubectl, args, env, server.dir);
      clearInterval(ticker);
      const emu = runKubectl(args, { sim: emulated.sim, files: { read: (p) => { try { return files(p); } catch { return undefined; } } }, stdin: '', defaultNamespace: 'default' });
      if (live && server.session.sim.now() > emulated.sim.now()) emulated.advance(server.session.sim.now() - emulated.sim.now());
      // The real kubectl runs in the server's folder, where -f finds web-cm.yaml.
      if (process.env.DUAL_CONSOLE_VERBOSE) console.log(`$ kubectl ${line}\n${real.stdout}${real.stderr}`);
      const equal = real.stdout === emu.stdout && real.stderr === emu.stderr && real.exitCode === emu.exitCode;
      if (!equal) {
        differences.push(`$ kubectl ${line}${same === true ? '' : `   (expected: ${same})`}\n--- emulation (exit ${emu.exitCode})\n${emu.stdout}${emu.stderr}--- real kubectl (exit ${real.exitCode})\n${real.stdout}${real.stderr}`);
        if (same === true) mismatched.push(line);
      }
    }
    expect(mismatched).toEqual([]);
  }, 60_000);
});
