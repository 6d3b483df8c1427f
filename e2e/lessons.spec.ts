// A student, alone, in French: lessons 8 (Jobs) and 9 (mongo dumps with a Job and a CronJob), typing in the console
// and clicking as they would, with a screenshot of each step; then the autosave surviving a reload mid-lesson.
import { expect, test, type Page } from '@playwright/test';
import { KubevilleApp } from './app';

test.use({ locale: 'fr-FR' });

const SHOTS = 'test-results/lessons';

async function openLessons(page: Page): Promise<KubevilleApp> {
  page.on('dialog', (d) => void d.accept());
  const app = await new KubevilleApp(page).open();
  await page.locator('[data-tab="lesson"]').click();
  return app;
}

async function startLesson(page: Page, name: string): Promise<void> {
  const all = page.locator('[data-action="all-lessons"]');
  if (await all.isVisible()) await all.click();
  await page.locator(`[data-lesson="${name}"]`).click();
  await expect(page.locator(`[data-lesson-title="${name}"]`)).toBeVisible();
}

async function stepDone(page: Page, lesson: string, step: string): Promise<void> {
  await expect(page.locator(`[data-lesson-step="${step}"]`)).toBeVisible();
  await expect(page.locator('[data-step-complete]')).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: `${SHOTS}/${lesson}-${step}.png` });
}

async function next(page: Page): Promise<void> {
  await page.locator('[data-action="lesson-next"]').click();
}

test('lesson 8 in French: create, watch, delete a Job, then one written in the editor', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await openLessons(page);
  await startLesson(page, 'jobs');
  await expect(page.locator('[data-lesson-step="create-job"] h3')).toHaveText('Étape 1 : création d\'un Job');

  await app.run('kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
  await expect(page.locator('[data-check="ok"]')).toHaveCount(2);
  await stepDone(page, 'jobs', 'create-job');
  await next(page);

  await page.locator('[data-choice="1/1"]').click();
  await expect(page.locator('[data-answer-result]')).toContainText('Exact !');
  expect(await app.run('kubectl get jobs')).toContain('myjob1');
  await app.step(10000, 5);
  expect(await app.run('kubectl describe job myjob1')).toContain('Pods Statuses:');
  await stepDone(page, 'jobs', 'observe-job');
  await next(page);

  await app.run('kubectl delete job myjob1');
  await app.step(10000);
  await stepDone(page, 'jobs', 'delete-job');
  await next(page);

  // The bonus: a new file from the Job template in the files panel, then Apply.
  await page.locator('[data-tab="files"]').click();
  await page.locator('[data-action="new-file"]').click();
  await page.locator('[data-new-file-name]').fill('myjob2.yaml');
  await page.locator('[data-new-file-template]').selectOption('Job');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.locator('[data-file-editor="myjob2.yaml"] .cm-content')).toContainText('echo Hello Kubernetes');
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  await page.locator('[data-action="apply-file"]').click();
  await expect(page.locator('[data-entry]').last()).toContainText('job.batch/myjob2 created');
  await app.step(10000, 3);
  await page.locator('[data-tab="lesson"]').click();
  await stepDone(page, 'jobs', 'job-yaml');
  expect(app.errors).toEqual([]);
});

test('lesson 9 in French: the seven steps, the batch/v1beta1 error explained and fixed in the editor', async ({ page }) => {
  test.setTimeout(180_000);
  const app = await openLessons(page);
  await startLesson(page, 'cronjobs');

  await app.run('kubectl apply -f mongo-pod.yaml');
  await app.step(10000, 9);
  await stepDone(page, 'cronjobs', 'mongo-pod');
  await next(page);

  await app.run('kubectl apply -f mongo-svc.yaml');
  await app.step(10000);
  await stepDone(page, 'cronjobs', 'mongo-svc');
  await next(page);

  await page.locator('[data-choice="Pending"]').click();
  expect(await app.run('kubectl get nodes')).toContain('kind-worker2');
  await app.run('kubectl label node kind-worker app=dump');
  await stepDone(page, 'cronjobs', 'label-node');
  await next(page);

  await app.run('kubectl apply -f mongo-dump-job.yaml');
  await app.step(10000, 6);
  await stepDone(page, 'cronjobs', 'dump-job');
  await next(page);

  // The course's CronJob is batch/v1beta1: refused by 1.32, explained beside kubectl's output.
  const refused = await app.run('kubectl apply -f mongo-dump-cronjob.yaml');
  expect(refused).toContain('no matches for kind "CronJob" in version "batch/v1beta1"');
  await expect(page.locator('[data-entry]').last().locator('[data-explanation="removed-api-version"]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/cronjobs-dump-cronjob-error.png` });
  await page.locator('[data-tab="files"]').click();
  await page.locator('[data-file="mongo-dump-cronjob.yaml"]').click();
  await expect(page.locator('[data-problems]')).toContainText('batch/v1beta1');
  const editor = page.locator('[data-file-editor="mongo-dump-cronjob.yaml"] .cm-content');
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('apiVersion: batch/v1');
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  await page.locator('[data-action="save-file"]').click();
  await page.locator('[data-tab="lesson"]').click();
  expect(await app.run('kubectl apply -f mongo-dump-cronjob.yaml')).toContain('cronjob.batch/dump created');
  await page.locator('[data-choice="3"]').press('Enter'); // the time bar's clock overlaps it at this width: use the keyboard
  await app.step(60000, 3);
  await stepDone(page, 'cronjobs', 'dump-cronjob');
  await next(page);

  await app.run('kubectl apply -f test-pod.yaml');
  await app.step(10000, 2);
  expect(await app.run('kubectl exec test -- ls /dump')).toContain('db.gz');
  await stepDone(page, 'cronjobs', 'check-dumps');
  await next(page);

  for (const line of ['kubectl delete job dump', 'kubectl delete cronjob dump', 'kubectl delete pod test', 'kubectl delete pod db', 'kubectl delete service db']) await app.run(line);
  await stepDone(page, 'cronjobs', 'cleanup');
  await expect(page.locator('[data-step-index] ').filter({ hasText: '✓' })).toHaveCount(7);
});

test('the autosave brings the lesson, its step and the cluster back after a reload', async ({ page }) => {
  const app = await openLessons(page);
  await startLesson(page, 'cronjobs');
  await app.run('kubectl apply -f mongo-pod.yaml');
  await app.step(10000, 9);
  await stepDone(page, 'cronjobs', 'mongo-pod');
  await next(page);
  await expect(page.locator('[data-lesson-step="mongo-svc"]')).toBeVisible();
  const before = await app.simulatedTime();
  await page.waitForTimeout(3500);

  await page.reload();
  await expect(page.locator('[data-kind="Node"]').first()).toBeVisible();
  await page.locator('[data-tab="lesson"]').click();
  await expect(page.locator('[data-lesson-step="mongo-svc"]')).toBeVisible();
  await expect(page.locator('[data-step-index="0"]')).toHaveText('✓');
  expect(await app.run('kubectl get pod db')).toContain('Running');
  expect(await app.simulatedTime()).toBeGreaterThanOrEqual(before);
});

test('a damaged autosave never stops the app', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kubeville.autosave', '{"format":"kubeville-autosave","session":"{broken'));
  const app = await new KubevilleApp(page).open();
  expect(await app.run('kubectl get nodes')).toContain('kind-control-plane');
});

test('the YAML editor completes keys from the Kubernetes schemas and reports an unknown field as the API server does', async ({ page }) => {
  await openLessons(page);
  await page.locator('[data-tab="files"]').click();
  await page.locator('[data-action="new-file"]').click();
  await page.locator('[data-new-file-name]').fill('typo.yaml');
  await page.locator('[data-new-file-template]').selectOption('Pod');
  await page.getByRole('button', { name: 'Créer' }).click();
  const editor = page.locator('[data-file-editor="typo.yaml"] .cm-content');
  await expect(editor).toContainText('image:');
  await expect(page.locator('[data-problems="0"]')).toBeVisible();
  // A new key under the container, as a student would type it: the completion list comes from the schemas.
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace'); // to the end of `    image: nginx`: Enter keeps the container's indentation
  await page.keyboard.press('Enter');
  await page.keyboard.type('startupP');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('startupProbe');
  await page.keyboard.press('Escape');
  await page.keyboard.type('robez: 1');
  await expect(page.locator('[data-problems]')).toContainText('strict decoding error: unknown field "spec.containers[0].startupProbez"');
  await page.screenshot({ path: `${SHOTS}/editor-unknown-field.png` });
});
