// Jobs and CronJobs in the app: the CronJob clock firing on the simulated clock, and the batch/v1beta1 error
// explained beside kubectl's real output. Screenshots go to test-results/screenshots/.
import { expect, test } from '@playwright/test';
import { KubevilleApp } from './app';

test('a */1 CronJob fires at second 0 of each minute for 3 simulated minutes, each tick creating a Job and its pod', async ({ page }) => {
  test.setTimeout(90_000);
  const app = await new KubevilleApp(page).open();
  expect(await app.run('kubectl create cronjob hello --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c date')).toBe('cronjob.batch/hello created\n');

  const clock = page.locator('[data-cronjob-clock="hello"]');
  await expect(clock).toBeVisible();
  await expect(clock.locator('[data-schedule-text]')).toHaveText('Every minute');
  await expect(clock.locator('[data-state="waiting"] [data-countdown]')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/cronjob-clock-waiting.png' });

  const jump = page.locator('[data-action="next-cronjob-tick"]');
  for (let minute = 1; minute <= 3; minute++) {
    const tick = await jump.getAttribute('data-tick');
    expect(tick).toMatch(/:00Z$/);
    await jump.click();
    await expect(page.locator('[data-time]')).toHaveAttribute('data-time', tick!.replace('Z', '.000Z'));
    await expect(clock).toHaveAttribute('data-firing', 'true');
    const jobName = `hello-${Date.parse(tick!) / 60_000}`;
    const run = clock.locator(`[data-run="created"][data-job="${jobName}"]`);
    await expect(run).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/cronjob-tick-${minute}.png` });
    // The Job's pod appears and, after its image pull and run, completes.
    await app.step(10000);
    await expect(clock).toHaveAttribute('data-firing', 'false');
    await expect(run.locator('[data-run-pod]')).toHaveAttribute('data-status', 'Completed');
    await expect(run).toHaveAttribute('data-job-state', 'Complete');
  }
  await page.screenshot({ path: 'test-results/screenshots/cronjob-after-3-minutes.png' });
  const jobs = await app.run('kubectl get jobs');
  expect(jobs.trim().split('\n')).toHaveLength(4);
  expect(app.errors).toEqual([]);
});

test('the lesson’s batch/v1beta1 CronJob is refused with kubectl’s two lines, explained beside them', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  const out = await app.run('kubectl apply -f mongo-dump-cronjob.yaml');
  expect(out).toBe('error: resource mapping not found for name: "dump" namespace: "" from "mongo-dump-cronjob.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n');
  const explanation = page.locator('[data-entry]').last().locator('[data-explanation="removed-api-version"]');
  await expect(explanation).toContainText('apiVersion: batch/v1');
  await page.screenshot({ path: 'test-results/screenshots/cronjob-v1beta1-explained.png' });
});

test('+7 days of an every-minute CronJob: the week goes by in a moment, and what is left is the last runs', async ({ page }) => {
  test.setTimeout(90_000);
  const app = await new KubevilleApp(page).open();
  expect(await app.run('kubectl create cronjob hello --image=busybox --schedule="*/1 * * * *" -- /bin/sh -c date')).toBe('cronjob.batch/hello created\n');
  const before = await app.simulatedTime();
  const started = Date.now();
  await app.step(604_800_000);
  await expect(page.locator('[data-forwarding]')).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(() => app.simulatedTime()).toBe(before + 604_800_000);
  const wallMs = Date.now() - started;
  test.info().annotations.push({ type: 'wall time of +7 d', description: `${wallMs} ms` });
  await page.screenshot({ path: 'test-results/screenshots/cronjob-after-7-days.png' });
  // The history limits hold: three finished Jobs and the one of the last minute.
  const jobs = (await app.run('kubectl get jobs --no-headers')).trim().split('\n');
  expect(jobs.length).toBeGreaterThanOrEqual(3);
  expect(jobs.length).toBeLessThanOrEqual(4);
  expect(await app.run('kubectl get cronjob hello -o jsonpath={.status.lastScheduleTime}')).toMatch(/:00Z$/);
  expect(app.errors).toEqual([]);
});
