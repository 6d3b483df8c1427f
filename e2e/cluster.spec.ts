import { expect, test } from '@playwright/test';
import { KubevilleApp } from './app';

test('a pod created in the console runs, in the view and in kubectl get pods', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  expect(await app.run('kubectl run web --image=nginx')).toBe('pod/web created\n');
  await expect(app.pod('web')).toBeVisible();

  await app.step(10000, 3);
  await expect(app.pod('web')).toHaveAttribute('data-status', 'Running');
  await expect(app.pod('web')).toHaveAttribute('data-node', /kind-worker/);
  expect(await app.run('kubectl get pods')).toMatch(/web\s+1\/1\s+Running\s+0/);
  expect(app.errors).toEqual([]);
});

test('a pod whose nodeSelector matches no node waits outside the nodes with the scheduler’s reason', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  expect(await app.run('kubectl apply -f test-pod.yaml')).toBe('pod/test created\n');
  await app.step(10000);

  const pod = app.pod('test');
  await expect(pod).toHaveAttribute('data-status', 'Pending');
  await expect(pod).toHaveAttribute('data-node', '');
  await expect(page.locator('[data-zone="pending"]')).toBeVisible();
  await pod.hover();
  await expect(page.locator('[role="tooltip"] [data-reason]')).toContainText("didn't match Pod's node affinity/selector");

  await pod.click();
  await expect(page.locator('[data-details-name="test"] [data-reason]')).toContainText('0/3 nodes are available');
  await expect(page.locator('[data-events] [data-event-reason="FailedScheduling"]')).toBeVisible();
  expect(await app.run('kubectl get pods test')).toMatch(/test\s+0\/1\s+Pending\s+0/);
});

test('Tab completes commands, kinds and names; ↑ recalls the last command', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  await app.run('kubectl run web --image=nginx');
  const input = app.consoleInput;
  await input.fill('kubectl ge');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl get ');
  await input.pressSequentially('po');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl get pods ');
  await input.pressSequentially('w');
  await input.press('Tab');
  await expect(input).toHaveValue('kubectl get pods web ');
  await input.fill('');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl run web --image=nginx');
});

test('a service links to its endpoint pod, and clicking shows YAML, events and related objects', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  await app.run('kubectl apply -f mongo-pod.yaml');
  await app.run('kubectl apply -f mongo-svc.yaml');
  await app.step(60000);
  await expect(app.pod('db')).toHaveAttribute('data-status', 'Running');
  const svc = page.locator('[data-kind="Service"][data-name="db"]');
  await expect(svc).toHaveAttribute('data-endpoints', '1');
  await expect(page.locator('[data-link-service="Service/default/db"][data-link-pod="Pod/default/db"]')).toHaveCount(1);

  await svc.click();
  await expect(page.locator('[data-yaml]')).toContainText('port: 27017');
  await expect(page.locator('[data-related-kind="Pod"][data-related-name="db"]')).toBeVisible();
  await app.pod('db').click();
  await expect(page.locator('[data-events] [data-event-reason="Scheduled"]')).toBeVisible();
  await expect(page.locator('[data-related-kind="Service"][data-related-name="db"]')).toBeVisible();
});

test('an edited workspace file is what kubectl apply -f reads', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  await page.locator('[data-tab="files"]').click();
  await page.locator('[data-file="mongo-pod.yaml"]').click();
  // The editor is CodeMirror: put the cursor at the end of `name: db` and type.
  await page.locator('[data-file-editor="mongo-pod.yaml"] .cm-line', { hasText: 'name: db' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type('2');
  await page.locator('[data-action="save-file"]').click();
  expect(await app.run('kubectl apply -f mongo-pod.yaml')).toBe('pod/db2 created\n');
  await expect(app.pod('db2')).toBeVisible();
});

test('plays at 600× for a few seconds without console errors', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  await app.run('kubectl apply -f mongo-pod.yaml');
  await app.run('kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
  await page.locator('[data-speed="600"]').first().click();
  const before = await app.simulatedTime();
  await page.locator('[data-action="play"]').click();
  await page.waitForTimeout(3000);
  await page.locator('[data-action="play"]').click();
  const played = (await app.simulatedTime()) - before;
  expect(played).toBeGreaterThan(20 * 60_000);
  expect(played).toBeLessThan(60 * 60_000);
  await expect(app.pod('db')).toHaveAttribute('data-status', 'Running');
  expect(app.errors).toEqual([]);
});

test('the interface switches between French and English; kubectl output stays as kubectl prints it', async ({ page }) => {
  const app = await new KubevilleApp(page).open();
  await page.locator('[data-option="language"]').selectOption('fr');
  await expect(page.locator('[data-action="play"]')).toHaveText('Lecture');
  expect(await app.run('kubectl get nodes')).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
  await page.locator('[data-option="language"]').selectOption('en');
  await expect(page.locator('[data-action="play"]')).toHaveText('Play');
});
