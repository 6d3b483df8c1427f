// pods/exec over SPDY/3.1 on a real socket: a minimal client (the project's own framer) speaking as kubectl before
// 1.30 does — POST with Upgrade: SPDY/3.1, one stream per streamType, stdin half-closed with FIN.
import { request } from 'node:https';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/host/session';
import { decodeFrame, encodeFrame, FLAG_FIN, type SpdyFrame, type SpdyHeaders } from './spdy-frames';
import { HeaderCompressor, HeaderDecompressor } from './spdy-header-codec';
import { startTestServer, TEST_TOKEN, type TestServer } from './test-server.test-helper';

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

/** What the client sends once its streams are open: data on a stream type, a FIN, or a PING. */
type Step = { data: string; on: string } | { fin: string } | { ping: number };

interface SpdyExchange {
  status: number;
  protocol: string | undefined;
  /** Stream type → text received. */
  streams: Record<string, string>;
  /** Stream types the server half-closed. */
  finished: string[];
  /** Every frame the server sent, in order (header blocks left compressed). */
  frames: SpdyFrame[];
  /** The headers of each SYN_REPLY, decompressed. */
  replies: SpdyHeaders[];
  body: string;
}

const ALL_PROTOCOLS = ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];

/** Upgrades `path` to SPDY, opens `types` streams, runs `steps`, and collects what comes back until GOAWAY. */
function spdy(path: string, types: string[], steps: Step[] = [], protocols = ALL_PROTOCOLS): Promise<SpdyExchange> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.host.url}${path}`, {
      method: 'POST',
      ca: server.host.tls.cert,
      headers: { Authorization: `Bearer ${TEST_TOKEN}`, Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': protocols },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, protocol: undefined, streams: {}, finished: [], frames: [], replies: [], body }));
    });
    req.on('upgrade', (res, socket: Duplex, head: Buffer) => {
      void (async () => {
        const compressor = new HeaderCompressor();
        const decompressor = new HeaderDecompressor();
        const ids = new Map<string, number>(types.map((t, i) => [t, 2 * i + 1]));
        const typeOf = new Map([...ids].map(([t, id]) => [id, t]));
        const out: SpdyExchange = { status: res.statusCode ?? 0, protocol: res.headers['x-stream-protocol-version'] as string | undefined, streams: {}, finished: [], frames: [], replies: [], body: '' };
        const replies: Promise<SpdyHeaders>[] = [];
        let buf = head;
        socket.on('data', (c: Buffer) => {
          buf = Buffer.concat([buf, c]);
          for (let d = decodeFrame(buf); d; d = decodeFrame(buf)) {
            buf = buf.subarray(d.length);
            const f = d.frame;
            out.frames.push(f);
            if (f.type === 'syn_reply') replies.push(decompressor.decompress(f.headerBlock));
            if (f.type === 'data') {
              const type = typeOf.get(f.streamId)!;
              out.streams[type] = (out.streams[type] ?? '') + f.data.toString('utf8');
              if (f.flags & FLAG_FIN) out.finished.push(type);
            }
            if (f.type === 'goaway') {
              socket.end();
              void Promise.all(replies).then((headers) => {
                out.replies = headers;
                compressor.close();
                decompressor.close();
                resolve(out);
              }, reject);
            }
          }
        });
        for (const [type, id] of ids) {
          socket.write(encodeFrame({ type: 'syn_stream', streamId: id, associatedTo: 0, priority: 0, slot: 0, flags: 0, headerBlock: await compressor.compress({ streamtype: [type] }) }));
        }
        for (const s of steps) {
          if ('ping' in s) socket.write(encodeFrame({ type: 'ping', id: s.ping }));
          else if ('fin' in s) socket.write(encodeFrame({ type: 'data', streamId: ids.get(s.fin)!, flags: FLAG_FIN, data: Buffer.alloc(0) }));
          else socket.write(encodeFrame({ type: 'data', streamId: ids.get(s.on)!, flags: 0, data: Buffer.from(s.data) }));
        }
      })().catch(reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const exec = (command: string[], flags: string) => `/api/v1/namespaces/default/pods/test/exec?${command.map((c) => `command=${encodeURIComponent(c)}`).join('&')}&container=test&${flags}`;

describe('pods/exec over SPDY/3.1', () => {
  it('answers 101 with the first protocol the client offers that it serves', async () => {
    const r = await spdy(exec(['true'], 'stdout=true&stderr=true'), ['error', 'stdout', 'stderr'], [], ['v5.channel.k8s.io', 'v3.channel.k8s.io', 'v4.channel.k8s.io']);
    expect(r.status).toBe(101);
    expect(r.protocol).toBe('v3.channel.k8s.io');
  });

  it('replies to every stream, sends the output, then the v4 Success status, then half-closes', async () => {
    const r = await spdy(exec(['echo', 'hi'], 'stdout=true&stderr=true'), ['error', 'stdout', 'stderr']);
    expect(r.protocol).toBe('v4.channel.k8s.io');
    expect(r.frames.filter((f) => f.type === 'syn_reply').map((f) => 'streamId' in f && f.streamId)).toEqual([1, 3, 5]);
    expect(r.replies).toEqual([{}, {}, {}]);
    expect(r.streams.stdout).toBe('hi\n');
    expect(JSON.parse(r.streams.error)).toEqual({ metadata: {}, status: 'Success' });
    expect(r.finished.sort()).toEqual(['error', 'stderr', 'stdout']);
    expect(r.frames.at(-1)).toEqual({ type: 'goaway', lastGoodStreamId: 5, status: 0 });
  });

  it('sends stderr apart and the exit code in a NonZeroExitCode status, as the kubelet does', async () => {
    const r = await spdy(exec(['sh', '-c', 'echo out; echo err >&2; exit 3'], 'stdout=true&stderr=true'), ['error', 'stdout', 'stderr']);
    expect(r.streams.stdout).toBe('out\n');
    expect(r.streams.stderr).toBe('err\n');
    expect(JSON.parse(r.streams.error)).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: error executing command [sh -c echo out; echo err >&2; exit 3], exit code 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });

  it('reads stdin until the client half-closes it, then runs the command', async () => {
    const r = await spdy(exec(['cat'], 'stdin=true&stdout=true&stderr=true'), ['error', 'stdin', 'stdout', 'stderr'], [{ on: 'stdin', data: 'piped\n' }, { on: 'stdin', data: 'twice\n' }, { fin: 'stdin' }]);
    expect(r.streams.stdout).toBe('piped\ntwice\n');
    expect(JSON.parse(r.streams.error)).toMatchObject({ status: 'Success' });
  });

  it('runs an interactive shell with a terminal and a resize stream', async () => {
    const steps: Step[] = [{ on: 'resize', data: '{"Width":120,"Height":40}\n' }, { on: 'stdin', data: 'echo $((1+2))\r' }, { on: 'stdin', data: 'exit 4\r' }];
    const r = await spdy(exec(['sh'], 'stdin=true&stdout=true&tty=true'), ['error', 'stdin', 'stdout', 'resize'], steps);
    expect(r.streams.stdout).toBe('/ # echo $((1+2))\r\n3\r\n/ # exit 4\r\n');
    expect(JSON.parse(r.streams.error)).toMatchObject({ reason: 'NonZeroExitCode', details: { causes: [{ message: '4' }] } });
  });

  it('echoes the client’s pings', async () => {
    const r = await spdy(exec(['cat'], 'stdin=true&stdout=true'), ['error', 'stdin', 'stdout'], [{ ping: 7 }, { fin: 'stdin' }]);
    expect(r.frames).toContainEqual({ type: 'ping', id: 7 });
  });

  it('writes the failure as plain text on the error stream before v4', async () => {
    const r = await spdy(exec(['sh', '-c', 'exit 2'], 'stdout=true&stderr=true'), ['error', 'stdout', 'stderr'], [], ['v2.channel.k8s.io']);
    expect(r.protocol).toBe('v2.channel.k8s.io');
    expect(r.streams.error).toBe('command terminated with non-zero exit code: error executing command [sh -c exit 2], exit code 2');
  });

  it('refuses before the upgrade when the pod does not exist', async () => {
    const r = await spdy('/api/v1/namespaces/default/pods/nope/exec?command=ls&stdout=true', ['error', 'stdout']);
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ reason: 'NotFound', message: 'pods "nope" not found' });
  });

  it('refuses a container the pod does not declare, with the API server’s message', async () => {
    const r = await spdy('/api/v1/namespaces/default/pods/test/exec?command=ls&container=nope&stdout=true', ['error', 'stdout']);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ reason: 'BadRequest', message: 'container nope is not valid for pod test' });
  });

  it('refuses a client offering no protocol it serves, as httpstream.Handshake does', async () => {
    const r = await spdy(exec(['ls'], 'stdout=true'), ['error', 'stdout'], [], ['v9.channel.k8s.io']);
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).message).toMatch(/^unable to upgrade: unable to negotiate protocol/);
  });
});

describe('stopping the server', () => {
  it('ends an interactive SPDY session still open instead of waiting for it', async () => {
    const session = new Session({ startMs: Date.parse('2026-01-05T09:00:00Z'), seed: 3 });
    session.sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'test' }, spec: { containers: [{ name: 'test', image: 'busybox', command: ['sleep', '3600'] }] } });
    session.sim.settle();
    session.advance(60_000);
    const other = await startTestServer(session);
    const socket = await new Promise<Duplex>((resolve, reject) => {
      const req = request(`${other.host.url}${exec(['sh'], 'stdin=true&stdout=true&tty=true')}`, {
        method: 'POST',
        ca: other.host.tls.cert,
        headers: { Authorization: `Bearer ${TEST_TOKEN}`, Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' },
      });
      req.on('upgrade', (_res, s: Duplex) => resolve(s));
      req.on('error', reject);
      req.end();
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    await other.stop();
    await closed;
  });
});
