// The real kubectl 1.27–1.29 (SPDY only) and a newer one told to use SPDY, against `kubeville serve`: exec with its
// output, exit code and piped stdin, and an interactive shell in a pseudo-terminal (script(1)). Skipped, loudly,
// where the binaries are missing; KUBECTL_SPDY_DIR points at another directory holding kubectl.1.27 … kubectl.1.33.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/host/session';
import { startTestServer, type TestServer } from './test-server.test-helper';

const DIR = process.env.KUBECTL_SPDY_DIR ?? '/usr/lib/google-cloud-sdk/bin';
interface Client {
  version: string;
  env: Record<string, string>;
}
/** Versions that speak SPDY only, and a WebSocket-era one with `KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false`. */
const VERSIONS: Client[] = [
  { version: '1.27', env: {} },
  { version: '1.29', env: {} },
  { version: '1.33', env: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' } },
];
const CLIENTS = VERSIONS.map((c) => ({ ...c, file: join(DIR, `kubectl.${c.version}`) }));
const PRESENT = CLIENTS.filter((c) => existsSync(c.file));
for (const c of CLIENTS.filter((c) => !existsSync(c.file))) console.warn(`spdy-kubectl: SKIPPED kubectl ${c.version} — ${c.file} is missing`);
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((f) => existsSync(f));
if (!SCRIPT) console.warn('spdy-kubectl: SKIPPED the interactive `exec -ti` cases — script(1) is missing (no pseudo-terminal)');

let server: TestServer;
let env: Record<string, string>;

beforeAll(async () => {
  const session = new Session({ startMs: Date.parse('2026-01-05T09:00:00Z'), seed: 3 });
  session.sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test' }, spec: { containers: [{ name: 'test', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] } });
  session.sim.settle();
  session.advance(60_000);
  server = await startTestServer(session);
  env = { KUBECONFIG: server.kubeconfig, KUBECACHEDIR: join(server.dir, 'cache'), HOME: server.dir };
});

afterAll(async () => {
  await server?.stop();
});

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** Runs `file args` with `input` on stdin; the server runs in this process, so never synchronously. */
function run(file: string, args: string[], extraEnv: Record<string, string>, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: { ...process.env, ...env, ...extraEnv }, cwd: server.dir });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode });
    });
    child.stdin.end(input);
  });
}

/** `kubectl exec -ti` in a pseudo-terminal: types each line once the shell's prompt shows, returns the screen. */
function interactive(file: string, extraEnv: Record<string, string>, lines: string[]): Promise<{ screen: string; exitCode: number | null }> {
  return new Promise((resolve, reject) => {
    const command = `stty cols 100 rows 30; exec ${file} exec -ti test -- sh`;
    const child = spawn(SCRIPT!, ['-qec', command, '/dev/null'], { env: { ...process.env, ...env, ...extraEnv }, cwd: server.dir });
    let screen = '';
    let prompts = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (c: Buffer) => {
      screen += c.toString('utf8');
      const seen = screen.split('/ # ').length - 1;
      while (prompts < seen && prompts < lines.length) child.stdin.write(`${lines[prompts++]}\r`);
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ screen, exitCode });
    });
  });
}

const suite = PRESENT.length ? describe : describe.skip;

suite.each(PRESENT)('kubectl $version exec over SPDY', ({ file, env: extraEnv }) => {
  it('lists / and exits 0', async () => {
    const r = await run(file, ['exec', 'test', '--', 'ls', '/'], extraEnv);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual(expect.arrayContaining(['bin', 'etc', 'tmp', 'usr']));
    expect(r.exitCode).toBe(0);
  });

  it('exits with the command’s exit code and says so', async () => {
    const r = await run(file, ['exec', 'test', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'], extraEnv);
    expect(r.stdout).toBe('out\n');
    expect(r.stderr).toBe('err\ncommand terminated with exit code 3\n');
    expect(r.exitCode).toBe(3);
  });

  it('pipes stdin to the command and returns once it is read', async () => {
    const r = await run(file, ['exec', '-i', 'test', '--', 'cat'], extraEnv, 'hi\n');
    expect(r).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
  });

  it.runIf(SCRIPT)('runs an interactive shell in a terminal, resize stream and all', async () => {
    const r = await interactive(file, extraEnv, ['echo $((2+3))', 'exit 7']);
    expect(r.screen).toContain('/ # echo $((2+3))\r\n5\r\n/ # exit 7\r\n');
    expect(r.screen).toContain('command terminated with exit code 7');
    expect(r.exitCode).toBe(7);
  });
});
