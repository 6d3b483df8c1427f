// While `kubeville serve` holds a state file, `kubeville advance|time|kubectl` on that file go to the running server
// (found through the lock file), so one simulation answers every client.
import { request } from 'node:https';
import { parseDuration } from '../../src/sim/duration';
import { lockPathOf, parseLock, processAlive, type ServeLock } from './lock-file';

export interface ForwardIO {
  readFile(path: string): string | undefined;
  listDir(path: string): string[] | undefined;
  stdin(): string;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

/** The state file and command of an invocation, as cli-app.ts reads them. */
export function stateAndCommand(argv: string[], env: Record<string, string | undefined>): { statePath: string; command?: string; args: string[] } {
  const args = [...argv];
  let statePath = env.KUBEVILLE_STATE || '.kubeville/state.json';
  while (args[0]?.startsWith('--state')) {
    if (args[0] === '--state') {
      statePath = args[1] ?? statePath;
      args.splice(0, 2);
    } else statePath = args.shift()!.slice('--state='.length);
  }
  return { statePath, command: args.shift(), args };
}

/** Sends one request to the server of a lock file; resolves with the status and JSON body. */
export function call(lock: ServeLock, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${lock.url}${path}`,
      { method, ca: lock.ca, headers: { Authorization: `Bearer ${lock.token}`, 'Content-Type': 'application/json', ...(payload ? { 'Content-Length': String(Buffer.byteLength(payload)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            resolve({ status: res.statusCode ?? 0, body: text });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The files `-f` names (and the files directly in folders it names), read here for the server. */
function filesOf(args: string[], io: ForwardIO): Record<string, string> {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === '-f' || a === '--filename') && args[i + 1] !== undefined) names.push(args[++i]);
    else if (a.startsWith('--filename=')) names.push(a.slice('--filename='.length));
    else if (a.startsWith('-f') && a.length > 2) names.push(a.slice(a[2] === '=' ? 3 : 2));
  }
  const files: Record<string, string> = {};
  for (const n of names) {
    if (n === '-') continue;
    const inside = io.listDir(n);
    for (const f of inside ?? [n]) {
      const text = io.readFile(f);
      if (text !== undefined) files[f] = text;
    }
  }
  return files;
}

/**
 * Runs `advance`, `time` or `kubectl` through the server holding the state file; undefined when no server holds it
 * (the caller then works on the file).
 */
export async function forwardIfServed(argv: string[], io: ForwardIO): Promise<number | undefined> {
  const { statePath, command, args } = stateAndCommand(argv, io.env);
  if (command !== 'advance' && command !== 'time' && command !== 'kubectl') return undefined;
  const lock = parseLock(io.readFile(lockPathOf(statePath)));
  if (!lock || !processAlive(lock.pid)) return undefined;
  try {
    if (command === 'time') {
      const r = await call(lock, 'GET', '/kubeville/v1/time');
      io.stdout(`${(r.body as { time: string }).time}\n`);
      return 0;
    }
    if (command === 'advance') {
      const text = args.join('');
      const ms = parseDuration(text);
      if (ms === undefined || args.length === 0) {
        io.stderr(`kubeville advance: "${text}" is not a duration (e.g. 30s, 5m, 1h30m, 2d)\n`);
        return 2;
      }
      const r = await call(lock, 'POST', '/kubeville/v1/advance', { ms });
      io.stdout(`${(r.body as { time: string }).time}\n`);
      return 0;
    }
    const readsStdin = args.some((a, i) => (a === '-f' || a === '--filename') && args[i + 1] === '-') || args.includes('--filename=-') || args.includes('-f-');
    const r = await call(lock, 'POST', '/kubeville/v1/kubectl', { args, stdin: readsStdin ? io.stdin() : '', files: filesOf(args, io) });
    const result = r.body as { stdout: string; stderr: string; exitCode: number };
    io.stdout(result.stdout);
    io.stderr(result.stderr);
    return result.exitCode;
  } catch (e) {
    io.stderr(`kubeville: ${statePath} is served by process ${lock.pid} at ${lock.url}, which did not answer (${(e as Error).message})\n`);
    return 1;
  }
}
