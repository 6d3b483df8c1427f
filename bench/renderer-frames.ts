// Renderer frame times, measured in Debian's Chromium (`npx tsx bench/renderer-frames.ts`, after
// `npx electron-vite build`): for each view, p50/p95 frame time and dropped frames while 200 pods on 5 nodes run at
// 600× (and, when the traffic engine is present, while request generators send people walking). Printed, never
// asserted. Software rendering (--disable-gpu) on this machine: the figures are a floor, not a promise.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Page } from '@playwright/test';
import { Session } from '../src/host/session';

const PORT = 4191;
const SECONDS = Number(process.env['FRAMES_SECONDS'] ?? 5);
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

async function measure(page: Page, seconds: number): Promise<{ p50: number; p95: number; dropped: number; frames: number }> {
  return page.evaluate(`${MEASURE}(${seconds * 1000})`) as Promise<{ p50: number; p95: number; dropped: number; frames: number }>;
}

async function main(): Promise<void> {
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', 'out/renderer', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
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
    console.log('  view        frames   p50 ms   p95 ms   dropped');
    for (const [key, name] of VIEWS) {
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.keyboard.press(key);
      await page.locator(`.view svg[data-view="${name === 'technical' ? 'cluster' : name}"]`).waitFor();
      await sleep(1500);
      const r = await measure(page, SECONDS);
      console.log(`  ${name.padEnd(10)} ${String(r.frames).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${String(r.dropped).padStart(9)}`);
    }
    await browser.close();
  } finally {
    server.kill();
  }
}

await main();
