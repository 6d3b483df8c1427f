// pods/log and pods/exec over a real socket: a minimal WebSocket client speaking v5.channel.k8s.io to the server.
import { request } from 'node:https';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/host/session';
import { startTestServer, TEST_TOKEN, type TestServer } from './test-server.test-helper';
import { parseFrame } from './websocket';

let server: TestServer;

beforeAll(async () => {
  const session = new Session({ startMs: Date.parse('2026-01-05T09:00:00Z'), seed: 3 });
  session.sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test' }, spec: { containers: [{ name: 'test', image: 'busybox', command: ['sh', '-c', 'echo hello; sleep 3600'] }] } });
  session.sim.settle();
  session.advance(60_000);
  server = await startTestServer(session);
});

afterAll(async () => {
  await server.stop();
});

interface Exchange {
  protocol: string;
  /** Channel → text received. */
  channels: Record<number, string>;
}

/** Opens a WebSocket to `path`, sends `input` frames (already channel-prefixed), collects frames until the close. */
function websocket(path: string, input: Buffer[] = [], protocol = 'v5.channel.k8s.io'): Promise<Exchange | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.host.url}${path}`, {
      ca: server.host.tls.cert,
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64'), 'Sec-WebSocket-Protocol': protocol },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('upgrade', (res, socket: Duplex, head: Buffer) => {
      const channels: Record<number, string> = {};
      let buf = head;
      for (const data of input) socket.write(clientFrame(data));
      socket.on('data', (c: Buffer) => {
        buf = Buffer.concat([buf, c]);
        for (let f = parseFrame(buf); f; f = parseFrame(buf)) {
          buf = buf.subarray(f.length);
          if (f.opcode === 0x8) {
            socket.end();
            resolve({ protocol: String(res.headers['sec-websocket-protocol']), channels });
            return;
          }
          channels[f.payload[0]] = (channels[f.payload[0]] ?? '') + f.payload.subarray(1).toString('utf8');
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function clientFrame(payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.length]), mask, masked]);
}

const stdin = (text: string) => Buffer.concat([Buffer.from([0]), Buffer.from(text)]);

describe('pods/exec over WebSocket (v5.channel.k8s.io)', () => {
  it('runs a command and reports success on the status channel', async () => {
    const r = (await websocket('/api/v1/namespaces/default/pods/test/exec?command=echo&command=hi&container=test&stdout=true&stderr=true')) as Exchange;
    expect(r.protocol).toBe('v5.channel.k8s.io');
    expect(r.channels[1]).toBe('hi\n');
    expect(JSON.parse(r.channels[3])).toEqual({ metadata: {}, status: 'Success' });
  });

  it('sends stderr apart and a NonZeroExitCode status with the exit code', async () => {
    const cmd = ['sh', '-c', 'echo out; echo err >&2; exit 3'].map((c) => `command=${encodeURIComponent(c)}`).join('&');
    const r = (await websocket(`/api/v1/namespaces/default/pods/test/exec?${cmd}&container=test&stdout=true&stderr=true`)) as Exchange;
    expect(r.channels[1]).toBe('out\n');
    expect(r.channels[2]).toBe('err\n');
    expect(JSON.parse(r.channels[3])).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } });
  });

  it('reads piped stdin to its close before running', async () => {
    const r = (await websocket('/api/v1/namespaces/default/pods/test/exec?command=cat&container=test&stdin=true&stdout=true&stderr=true', [stdin('piped\n'), Buffer.from([255, 0])])) as Exchange;
    expect(r.channels[1]).toBe('piped\n');
  });

  it('runs an interactive shell with a terminal: prompt, echo, output, exit code', async () => {
    const r = (await websocket('/api/v1/namespaces/default/pods/test/exec?command=sh&container=test&stdin=true&stdout=true&tty=true', [stdin('echo $((1+2))\r'), stdin('exit 4\r')])) as Exchange;
    expect(r.channels[1]).toBe('/ # echo $((1+2))\r\n3\r\n/ # exit 4\r\n');
    expect(JSON.parse(r.channels[3])).toMatchObject({ reason: 'NonZeroExitCode', details: { causes: [{ message: '4' }] } });
  });

  it('refuses before the upgrade when the pod does not exist', async () => {
    const r = (await websocket('/api/v1/namespaces/default/pods/nope/exec?command=ls')) as { status: number; body: string };
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found' });
  });
});

describe('pods/log', () => {
  it('serves what the container wrote as plain text', async () => {
    const res = await server.get('/api/v1/namespaces/default/pods/test/log?container=test');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.text).toBe('hello\n');
  });

  it('answers 400 with the kubelet’s reason for a container that has not started', async () => {
    server.session.sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'fresh' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    const res = await server.get('/api/v1/namespaces/default/pods/fresh/log');
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'BadRequest', message: expect.stringMatching(/^container "c" in pod "fresh" is waiting to start/) });
  });
});
