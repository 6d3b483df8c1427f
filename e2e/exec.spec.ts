// The lesson's Exercise 2 in the app's console: the dump Job writes /dump/db.gz through the db Service, then a shell
// in the test pod (kubectl exec -ti test -- sh) lists it; a here-document writes a workspace file on the way.
import { expect, test } from '@playwright/test';
import { KubevilleApp } from './app';

test('kubectl exec -ti test -- sh opens a shell in the pod, where ls /dump lists the dump', async ({ page }) => {
  // Many console round trips: give a loaded machine time.
  test.setTimeout(90_000);
  const app = await new KubevilleApp(page).open();
  const prompt = page.locator('[data-console-prompt]');
  expect(await app.run('kubectl apply -f mongo-pod.yaml -f mongo-svc.yaml')).toBe('pod/db created\nservice/db created\n');
  await app.run('kubectl label node kind-worker app=dump');
  await app.step(60000);
  expect(await app.run('kubectl apply -f mongo-dump-job.yaml')).toBe('job.batch/dump created\n');
  await app.step(60000);
  expect(await app.run('kubectl logs job/dump')).toContain("writing admin.system.version to archive '/dump/db.gz'");

  // The bonus: a file written with a here-document, line by line at the `>` prompt.
  await app.consoleInput.fill('cat > note.txt <<EOF');
  await app.consoleInput.press('Enter');
  await expect(prompt).toHaveText('>');
  await app.consoleInput.fill('dump checked');
  await app.consoleInput.press('Enter');
  await app.consoleInput.fill('EOF');
  await app.consoleInput.press('Enter');
  await expect(prompt).toHaveText('$');
  expect(await app.run('cat note.txt')).toBe('dump checked\n');

  expect(await app.run('kubectl apply -f test-pod.yaml')).toBe('pod/test created\n');
  await app.step(10000, 3);
  await expect(app.pod('test')).toHaveAttribute('data-status', 'Running');

  await app.run('kubectl exec -ti test -- sh');
  await expect(prompt).toHaveText('/ #');
  expect(await app.run('ls /dump')).toBe('db.gz\n');
  expect(await app.run('cat /etc/alpine-release')).toBe('3.15.11\n');
  await app.run('exit');
  await expect(prompt).toHaveText('$');
  expect(await app.run('kubectl get pods --no-headers | grep -c test')).toBe('1\n');
  expect(app.errors).toEqual([]);
});
