// Renderer frame times, measured in Debian's Chromium (`npx tsx bench/renderer-frames.ts`, after
// `npx electron-vite build`): for each view, p50/p95 frame time and dropped frames while 200 pods on 5 nodes run at
// 600× (and, when the traffic engine is present, while request generators send people walking). Printed, never
// asserted. Software rendering (--disable-gpu) on this machine: the figures are a floor, not a promise.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { Session } from '../src/host/session';

const PORT = 4191;
const SECONDS = Number(process.env['FRAMES_SECONDS'] ?? 5);
/** Requests per simulated second (0 for none); set FRAMES_TRAFFIC=0 to measure without traffic. */
const TRAFFIC_RATE = Number(process.env['FRAMES_TRAFFIC'] ?? 0.5);
const VIEWS = [
  ['1', 'technical'],
  ['2', 'city'],
  ['3', 'mall'],
  ['4', 'park'],
] as const;

/** A saved session: 1 control plane + 4 workers, 200 pods (50 on each worker, the scheduler spreads them). */
function sessionWith200Pods(): string {
  const session = new Session({ workers: 4, seed: 11, start: '2026-01-05T09:00:00Z' });
  const docs: string[] = [];
  for (let i = 0; i < 200; i++) {
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${String(i).padStart(3, '0')}\n  labels:\n    app: bench\nspec:\n  containers:\n  - name: main\n    image: nginx\n`);
  }
  docs.push('apiVersion: v1\nkind: Service\nmetadata:\n  name: bench\nspec:\n  type: NodePort\n  selector:\n    app: bench\n  ports:\n  - port: 80\n');
  session.writeFile('bench.yaml', docs.join('---\n'));
  const r = session.run('kubectl apply -f bench.yaml');
  if (r.exitCode !== 0) throw new Error(r.stderr);
  session.run('kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- date');
  session.advance(3 * 60_000);
  if (TRAFFIC_RATE <= 0) return JSON.stringify(session.save());
  // Requests from the Internet through the NodePort: 0.5 per simulated second is 300 people a wall-clock second at 600×.
  const r2 = session.act({ type: 'start-traffic', from: { kind: 'internet' }, to: { service: { namespace: 'default', name: 'bench' } }, rate: TRAFFIC_RATE });
  if (!r2.ok) throw new Error(r2.error);
  return JSON.stringify(session.save());
}

/** Frame intervals over `seconds`, measured in the page (a string: tsx's helpers must not leak into it). */
const MEASURE = `(async (ms) => {
  const times = [];
  let last = performance.now();
  const end = last + ms;
  await new Promise((resolve) => {
    function frame(now) {
      times.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve();
    }
    requestAnimationFrame(frame);
  });
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  // A frame is dropped for every whole 16.7 ms interval beyond the first that it took.
  const dropped = times.reduce((n, t) => n + Math.max(0, Math.round(t / (1000 / 60)) - 1), 0);
  return { p50: at(0.5), p95: at(0.95), dropped, frames: times.length };
})`;

interface Figures {
  p50: number;
  p95: number;
  dropped: number;
  frames: number;
  /** Main-thread busy time per wall-clock second (Chromium's TaskDuration): less sensitive than frame times to
   * other processes sharing the two cores. */
  busy: number;
}

async function measure(page: Page, seconds: number): Promise<Figures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const t0 = await task();
  const r = (await page.evaluate(`${MEASURE}(${seconds * 1000})`)) as Omit<Figures, 'busy'>;
  const busy = ((await task()) - t0) * (1000 / seconds);
  await cdp.detach();
  return { ...r, busy };
}

/** With FRAMES_TRACE=1: where a view's main-thread time goes (top trace events, summed; nested ones overlap). */
async function traced<T>(page: Page, label: string, run: () => Promise<T>): Promise<T> {
  if (!process.env['FRAMES_TRACE']) return run();
  const cdp = await page.context().newCDPSession(page);
  type TraceEvent = { name: string; ph: string; dur?: number; ts?: number; tid?: number; pid?: number; args?: unknown };
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: process.env['FRAMES_TRACE_CATEGORIES'] ?? 'devtools.timeline,blink,v8.execute', transferMode: 'ReportEvents' });
  const r = await run();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  // FRAMES_TRACE=path.json: the whole trace too, to open in DevTools' Performance panel (one file per view).
  const file = process.env['FRAMES_TRACE'] ?? '';
  if (file.endsWith('.json')) writeFileSync(file.replace(/\.json$/, `-${label}.json`), JSON.stringify({ traceEvents: events }));
  const byName = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(`      ${top.map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(' · ')}`);
  await cdp.detach();
  return r;
}

/** With FRAMES_PROFILE=1: the functions the main thread spent most time in (self time; best with an unminified build in FRAMES_OUT). */
async function profiled<T>(page: Page, label: string, run: () => Promise<T>): Promise<T> {
  if (!process.env['FRAMES_PROFILE']) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const r = await run();
  const { profile } = await cdp.send('Profiler.stop');
  // FRAMES_PROFILE=path.cpuprofile: the whole profile too, to open in DevTools (one file per view).
  const file = process.env['FRAMES_PROFILE'] ?? '';
  if (file.endsWith('.cpuprofile')) writeFileSync(file.replace(/\.cpuprofile$/, `-${label}.cpuprofile`), JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    const name = f ? `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}` : '?';
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  for (const [n, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`      ${ms.toFixed(0).padStart(6)} ms  ${n}`);
  await cdp.detach();
  return r;
}

async function main(): Promise<void> {
  // Its own process group, so that stopping it stops vite too (not only npx).
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', process.env['FRAMES_OUT'] ?? 'out/renderer', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    await sleep(2500);
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('[data-kind="Node"]').first().waitFor();
    await page.locator('[data-action="open-session"]').waitFor();
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'bench.kubeville', mimeType: 'application/json', buffer: Buffer.from(sessionWith200Pods()) });
    await page.locator('[data-kind="Pod"][data-name="p-199"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator('[data-speed="600"]').first().click();
    await page.locator('[data-action="play"]').click();
    console.log(`Renderer frames — Chromium (software rendering), 1920×1080, 200 pods on 5 nodes, playing at 600×, ${SECONDS} s a view`);
    console.log('  view        frames   p50 ms   p95 ms   dropped   main thread busy ms/s');
    const only = process.env['FRAMES_VIEWS']?.split(',');
    const views = only ? only.flatMap((n) => VIEWS.filter(([, v]) => v === n)) : VIEWS;
    for (const [key, name] of views) {
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.keyboard.press(key);
      await page.locator(`.view svg[data-view="${name === 'technical' ? 'cluster' : name}"]`).waitFor();
      await sleep(1500);
      // FRAMES_EVAL: a script run in the page before measuring (experiments: hide a layer, turn motion off…).
      if (process.env['FRAMES_EVAL']) await page.evaluate(process.env['FRAMES_EVAL']);
      const r = await traced(page, name, () => profiled(page, name, () => measure(page, SECONDS)));
      // FRAMES_EVAL_AFTER: a script run in the page after measuring, its result printed (what the experiment counted).
      if (process.env['FRAMES_EVAL_AFTER']) console.log(`      ${JSON.stringify(await page.evaluate(process.env['FRAMES_EVAL_AFTER']))}`);
      console.log(`  ${name.padEnd(10)} ${String(r.frames).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${String(r.dropped).padStart(9)} ${r.busy.toFixed(0).padStart(12)}`);
    }
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
