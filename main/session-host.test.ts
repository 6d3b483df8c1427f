import { describe, expect, it } from 'vitest';
import type { WorldDiff } from '../src/host/api';
import { Session } from '../src/host/session';
import { filesFromGlob, SessionHost, wallClockMinute } from './session-host';

const START = '2026-01-05T09:00:00.000Z';

function hostWithSession(files = [{ name: 'mongo-pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\n  labels:\n    app: db\nspec:\n  containers:\n  - name: mongo\n    image: mongo:4.0\n' }]) {
  const sent: WorldDiff[] = [];
  const host = new SessionHost(new Session({ start: START }, files), { emit: (d) => sent.push(d), startTime: () => START });
  host.calls.getWorld();
  return { host, sent };
}

describe('SessionHost', () => {
  it('sends nothing on a frame when nothing changed and time is paused', () => {
    const { host, sent } = hostWithSession();
    host.frame(50);
    host.frame(50);
    expect(sent).toEqual([]);
  });

  it('plays at the chosen speed and sends one diff per frame while playing', () => {
    const { host, sent } = hostWithSession();
    host.calls.setPlayback({ playing: true, speed: 600 });
    sent.length = 0;
    host.frame(50);
    host.frame(50);
    expect(sent).toHaveLength(2);
    expect(Date.parse(sent[1]!.time) - Date.parse(START)).toBe(60_000);
  });

  it('caps one frame so a long pause of the host does not jump hours ahead', () => {
    const { host, sent } = hostWithSession();
    host.calls.setPlayback({ playing: true, speed: 1 });
    host.frame(3_600_000);
    expect(Date.parse(sent[sent.length - 1]!.time) - Date.parse(START)).toBeLessThanOrEqual(250);
  });

  it('runs a kubectl line and pushes the created pod before answering', () => {
    const { host, sent } = hostWithSession();
    const result = host.calls.run('kubectl run web --image=nginx');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'pod/web created\n' });
    expect(sent.flatMap((d) => d.added).some((o) => o.kind === 'Pod' && o.metadata.name === 'web')).toBe(true);
  });

  it('applies a workspace file, as kubectl apply -f reads the session files', () => {
    const { host } = hostWithSession();
    expect(host.calls.run('kubectl apply -f mongo-pod.yaml').stdout).toBe('pod/db created\n');
    host.calls.advance(60_000);
    expect(host.calls.run('kubectl get pods').stdout).toMatch(/db\s+1\/1\s+Running\s+0/);
  });

  it('refuses a damaged or newer session file and changes nothing', () => {
    const { host, sent } = hostWithSession();
    host.calls.run('kubectl run web --image=nginx');
    sent.length = 0;
    expect(host.calls.openSession('{not json')).toEqual({ ok: false, error: expect.stringContaining('damaged') });
    const newer = JSON.stringify({ ...JSON.parse(host.calls.saveSession()), version: 99 });
    expect(host.calls.openSession(newer)).toEqual({ ok: false, error: expect.stringContaining('newer') });
    expect(sent).toEqual([]);
    expect(host.calls.run('kubectl get pod web').exitCode).toBe(0);
  });

  it('reopens a saved session and tells the renderer the world was replaced', () => {
    const { host, sent } = hostWithSession();
    host.calls.run('kubectl run web --image=nginx');
    const saved = host.calls.saveSession();
    host.calls.newSession({});
    const fresh = sent[sent.length - 1]!;
    expect(fresh.replaced).toBe(true);
    expect(fresh.added.some((o) => o.metadata.name === 'web')).toBe(false);
    expect(host.calls.openSession(saved)).toEqual({ ok: true });
    const reopened = sent[sent.length - 1]!;
    expect(reopened.replaced).toBe(true);
    expect(reopened.added.some((o) => o.kind === 'Pod' && o.metadata.name === 'web')).toBe(true);
  });

  it('turns an engine exception into a failed command instead of crashing the host', () => {
    const { host } = hostWithSession();
    host.session.run = () => {
      throw new Error('boom');
    };
    expect(host.calls.run('kubectl get pods')).toMatchObject({ exitCode: 1, stderr: 'internal error: boom\n' });
  });
});

describe('SessionHost: lessons a teacher writes', () => {
  const OWN = `name: my-first-pod
order: 50
title: { fr: "Mon premier pod", en: "My first pod" }
languages: [fr, en]
cluster: { nodes: 1, seed: 3, start: 2026-01-05T09:00:00Z }
steps:
  - id: run
    title: { fr: "Lancer nginx", en: "Run nginx" }
    text: { fr: "kubectl run web --image=nginx", en: "kubectl run web --image=nginx" }
    checks:
      - exists: Pod/web
    solution:
      - run: kubectl run web --image=nginx
`;

  it('lists a *.lesson.yaml file of the workspace after the built-in lessons, and starts it', () => {
    const { host } = hostWithSession([{ name: 'my-first-pod.lesson.yaml', text: OWN }]);
    const names = host.calls.listLessons().map((l) => l.name);
    expect(names.at(-1)).toBe('my-first-pod');
    expect(names).toContain('cronjobs');
    const lesson = host.calls.startLesson('my-first-pod');
    expect(lesson.title.en).toBe('My first pod');
    // The lesson replaced the workspace with its own files; it stays the open lesson.
    expect(host.calls.currentLesson()?.name).toBe('my-first-pod');
  });
});

describe('host helpers', () => {
  it('starts a session at the current wall-clock minute', () => {
    expect(wallClockMinute(Date.parse('2026-03-01T10:42:37.120Z'))).toBe('2026-03-01T10:42:00.000Z');
  });

  it('names lesson files after their base name, sorted', () => {
    expect(filesFromGlob({ '../x/files/b.yaml': 'B', '../x/files/a.yaml': 'A' })).toEqual([
      { name: 'a.yaml', text: 'A' },
      { name: 'b.yaml', text: 'B' },
    ]);
  });
});

describe('SessionHost: files on disk (desktop app)', () => {
  it('adds an opened file to the workspace and saves a workspace file through the injected dialogs', async () => {
    const saved: [string, string][] = [];
    const host = new SessionHost(new Session({ start: START }, [{ name: 'a.yaml', text: 'kind: Pod\n' }]), {
      emit: () => {},
      startTime: () => START,
      disk: { open: async () => ({ name: 'web.yaml', text: 'kind: Service\n' }), save: async (name, text) => (saved.push([name, text]), true) },
    });
    expect(await host.calls.openFileFromDisk()).toEqual({ name: 'web.yaml', text: 'kind: Service\n' });
    expect(host.calls.listFiles().map((f) => f.name)).toEqual(['a.yaml', 'web.yaml']);
    expect(await host.calls.saveFileToDisk('a.yaml')).toBe(true);
    expect(await host.calls.saveFileToDisk('missing.yaml')).toBe(false);
    expect(saved).toEqual([['a.yaml', 'kind: Pod\n']]);
  });

  it('opens and saves nothing without a disk (browser mode uploads and downloads instead)', async () => {
    const { host } = hostWithSession();
    expect(await host.calls.openFileFromDisk()).toBeUndefined();
    expect(await host.calls.saveFileToDisk('mongo-pod.yaml')).toBe(false);
  });
});
