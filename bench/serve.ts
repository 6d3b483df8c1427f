// `npx tsx bench/serve.ts`: figures for `kubeville serve`, printed, never asserted. Requests per second for
// `kubectl get pods` (a Table of 500 pods, and plain JSON) over loopback TLS, and watch latency from a store
// change to the client.
import { Agent, request } from 'node:https';
import { Session } from '../src/host/session';
import { ServeHost } from '../main/serve/serve-host';

const TOKEN = 'bench';
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

async function main(): Promise<void> {
  const session = new Session({ startMs: Date.parse('2026-01-05T09:00:00Z'), seed: 3 });
  for (let i = 0; i < 500; i++) {
    session.sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${String(i).padStart(3, '0')}`, labels: { app: 'bench' } }, spec: { containers: [{ name: 'main', image: 'nginx' }] } });
  }
  session.sim.settle();
  session.advance(60_000);
  const host = new ServeHost({ session, port: 0, speed: 1, paused: true, token: TOKEN });
  await host.start();
  const agent = new Agent({ keepAlive: true, maxSockets: 8, ca: host.tls.cert });
  const get = (path: string, accept: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${host.url}${path}`, { agent, headers: { Authorization: `Bearer ${TOKEN}`, Accept: accept } }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
      });
      req.on('error', reject);
      req.end();
    });

  for (const [label, accept] of [['Table (kubectl get pods)', TABLE], ['JSON (kubectl get pods -o json)', 'application/json']] as const) {
    const bytes = await get('/api/v1/namespaces/default/pods?limit=500', accept);
    let done = 0;
    const t0 = performance.now();
    const until = t0 + 3000;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() < until) {
          await get('/api/v1/namespaces/default/pods?limit=500', accept);
          done++;
        }
      }),
    );
    const s = (performance.now() - t0) / 1000;
    console.log(`get pods, 500 pods, ${label}: ${(done / s).toFixed(0)} requests/s (8 connections, ${(bytes / 1024).toFixed(0)} KiB each)`);
  }

  // Watch latency: a write in the engine → the event line read by a client on another socket.
  const latencies: number[] = [];
  let sentAt = 0;
  let received: (() => void) | undefined;
  const rv = session.sim.store.resourceVersion;
  const watch = request(`${host.url}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${rv}`, { agent: false, ca: host.tls.cert, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
    res.on('data', () => {
      latencies.push(performance.now() - sentAt);
      received?.();
    });
  });
  watch.end();
  await new Promise((r) => setTimeout(r, 200));
  for (let i = 0; i < 200; i++) {
    const got = new Promise<void>((r) => (received = r));
    sentAt = performance.now();
    session.sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: 'default' } });
    await got;
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2);
  console.log(`watch latency, store change → client (200 events): p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms`);
  watch.destroy();
  agent.destroy();
  await host.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
