import { expect, test } from '@playwright/test';
import { KubevilleApp } from './app';

test('traffic to a NodePort Service with 3 replicas keeps flowing when a pod is deleted, to the others and to its replacement', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  expect(await app.run('kubectl create deployment web --image=nginx --replicas=3')).toBe('deployment.apps/web created\n');
  expect(await app.run('kubectl expose deployment web --port=80 --type=NodePort')).toBe('service/web exposed\n');
  await app.step(10000, 3);
  expect(await app.run('kubectl get deploy web')).toMatch(/web\s+3\/3\s+3\s+3/);
  await expect(page.locator('[data-kind="NodePortGate"]')).toHaveCount(3);

  // 40 requests per simulated second from the Internet, through every node's NodePort.
  await page.locator('[data-action="traffic-toggle"]').click();
  await page.locator('[data-input="traffic-service"]').selectOption('default/web');
  await page.locator('[data-input="traffic-rate"]').fill('40');
  await page.locator('[data-action="traffic-from-internet"]').click();
  await app.step(1000, 3);
  const counters = page.locator('[data-kind="PodCounter"]');
  await expect(counters).toHaveCount(3);
  await expect(page.locator('canvas[data-layer="traffic"]')).toBeVisible();
  await expect.poll(async () => Number(await page.locator('canvas[data-layer="traffic"]').getAttribute('data-particles'))).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/services-traffic-3-replicas.png' });

  const pods = (await app.run('kubectl get pods -o name')).trim().split('\n').map((l) => l.replace('pod/', ''));
  const victim = pods[0];
  expect(await app.run(`kubectl delete pod ${victim} --wait=false`)).toBe(`pod "${victim}" deleted\n`);
  await app.step(1000, 5);
  await app.step(10000, 2);
  const after = (await app.run('kubectl get pods -o name')).trim().split('\n').map((l) => l.replace('pod/', ''));
  const replacement = after.find((p) => !pods.includes(p));
  expect(replacement).toBeDefined();
  await app.step(1000, 3);
  // The replacement receives requests; the total keeps rising without failures.
  await expect(page.locator(`[data-kind="PodCounter"][data-name="${replacement}"]`)).toBeVisible();
  const total = page.locator('[data-total]');
  const before = Number(await total.getAttribute('data-total'));
  await app.step(1000, 2);
  await expect.poll(async () => Number(await total.getAttribute('data-total'))).toBeGreaterThan(before);
  await expect(page.locator('[data-failure]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/services-traffic-after-delete.png' });
  expect(app.errors).toEqual([]);
});
