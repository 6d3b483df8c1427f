// Starts `kubeville serve` in-process on a random loopback port for tests, with an https client that trusts it.
import { request } from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../src/host/session';
import { ServeHost } from './serve-host';

export const TEST_TOKEN = 'test-token-0123456789';

export interface TestServer {
  host: ServeHost;
  session: Session;
  dir: string;
  kubeconfig: string;
  get(path: string, headers?: Record<string, string>): Promise<HttpResult>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  stop(): Promise<void>;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Record<string, unknown>;
}

export async function startTestServer(session = new Session({ startMs: Date.parse('2026-01-05T09:00:00Z'), seed: 1 })): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeville-serve-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const host = new ServeHost({ session, port: 0, speed: 1, paused: true, token: TEST_TOKEN, kubeconfigPath: kubeconfig });
  await host.start();
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    new Promise<HttpResult>((resolve, reject) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(`${host.url}${path}`, { method, ca: host.tls.cert, headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  return { host, session, dir, kubeconfig, get: (p, h) => send('GET', p, undefined, h), send, stop: () => host.stop() };
}
