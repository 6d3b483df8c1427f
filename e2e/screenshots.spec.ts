// Screenshots of the lesson's situation at the two sizes the app is made for (kept as test artifacts).
import { expect, test } from '@playwright/test';
import { KubevilleApp } from './app';

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`looks right at ${size.width}×${size.height}`, async ({ page }, info) => {
    await page.setViewportSize(size);
    const app = await new KubevilleApp(page).open();
    await app.run('kubectl apply -f mongo-pod.yaml');
    await app.run('kubectl apply -f mongo-svc.yaml');
    await app.run('kubectl run web --image=nginx');
    await app.run('kubectl apply -f test-pod.yaml');
    await app.step(60000);
    await app.run('kubectl get pods -o wide');
    await page.locator('[data-kind="Service"][data-name="db"]').click();
    await expect(page.locator('[data-details-name="db"]')).toBeVisible();
    await app.pod('test').hover();
    await page.waitForTimeout(700);
    const path = `test-results/screenshots/kubeville-${size.width}x${size.height}.png`;
    await page.screenshot({ path });
    await info.attach(`${size.width}x${size.height}`, { path, contentType: 'image/png' });
    // Nothing spills out of the window.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || document.documentElement.scrollHeight > window.innerHeight);
    expect(overflow).toBe(false);
    expect(app.errors).toEqual([]);
  });
}

test('looks right in French during the Job exercise', async ({ page }, info) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = await new KubevilleApp(page).open();
  await page.locator('[data-option="language"]').selectOption('fr');
  await app.run('kubectl label node kind-worker app=dump');
  await app.run('kubectl apply -f mongo-pod.yaml');
  await app.run('kubectl apply -f mongo-svc.yaml');
  await app.run('kubectl apply -f mongo-dump-job.yaml');
  await app.step(60000, 3);
  await app.run('kubectl get jobs,pods');
  await page.locator('[data-kind="Node"][data-name="kind-worker"]').click();
  const path = 'test-results/screenshots/kubeville-fr-job-1920x1080.png';
  await page.screenshot({ path });
  await info.attach('fr-job', { path, contentType: 'image/png' });
  await expect(page.locator('[data-kind="Job"][data-name="dump"]')).toBeVisible();
  await expect(page.locator('[data-details-name="kind-worker"]')).toContainText('app: dump');
  expect(app.errors).toEqual([]);
});
