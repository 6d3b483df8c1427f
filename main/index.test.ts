import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandResult, WorldDiff, WorldSnapshot } from '../src/host/api';
import { createElectronStandIn } from './electron-stand-in';
import { API_CHANNELS, DIFF_CHANNEL } from './ipc-channels';

const electron = vi.hoisted(() => ({ current: undefined as ReturnType<typeof import('./electron-stand-in').createElectronStandIn> | undefined }));
// Each test gets a fresh stand-in; the mocked module reads whichever is current.
vi.mock('electron', () => {
  const names = ['app', 'ipcMain', 'screen', 'session', 'Menu', 'dialog', 'shell', 'contextBridge', 'ipcRenderer'] as const;
  const current = (n: (typeof names)[number]) => new Proxy({}, { get: (_t, p) => (electron.current!.module[n] as Record<string | symbol, unknown>)[p] });
  class BrowserWindow {
    constructor(options: Record<string, unknown>) {
      return new electron.current!.module.BrowserWindow(options);
    }
  }
  return { ...Object.fromEntries(names.map((n) => [n, current(n)])), BrowserWindow };
});

/** What the renderer's frame looks like to the main process. */
function ownFrame() {
  return { sender: { id: 7 }, senderFrame: { url: 'file:///app/out/renderer/index.html' } };
}

describe('Electron main', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance', 'Date'] });
    vi.setSystemTime(new Date('2026-01-05T09:00:42Z'));
    electron.current = createElectronStandIn();
    vi.resetModules();
    await import('./index');
    electron.current.ready();
    await vi.advanceTimersByTimeAsync(0);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens one sandboxed, isolated window with the CommonJS preload', () => {
    const [win] = electron.current!.windows;
    expect(electron.current!.windows).toHaveLength(1);
    expect(win!.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String((win!.options['webPreferences'] as Record<string, unknown>)['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    expect(win!.options).toMatchObject({ width: 1920, height: 1080, minWidth: 1280, minHeight: 720 });
  });

  it('answers every API channel', () => {
    expect([...electron.current!.handlers.keys()].sort()).toEqual(Object.values(API_CHANNELS).sort());
  });

  it('wires the API to one engine session, starting at the wall-clock minute with the lesson files', async () => {
    const call = (name: keyof typeof API_CHANNELS, ...args: unknown[]) => electron.current!.handlers.get(API_CHANNELS[name])!(ownFrame(), ...args);
    const world = (await call('getWorld')) as WorldSnapshot;
    expect(world.time).toBe('2026-01-05T09:00:00.000Z');
    expect(world.objects.filter((o) => o.kind === 'Node')).toHaveLength(3);
    expect(((await call('listFiles')) as { name: string }[]).map((f) => f.name)).toContain('mongo-pod.yaml');

    expect(((await call('run', 'kubectl run web --image=nginx')) as CommandResult).exitCode).toBe(0);
    await call('advance', 30_000);
    expect(((await call('run', 'kubectl get pods')) as CommandResult).stdout).toMatch(/web\s+1\/1\s+Running\s+0/);
  });

  it('refuses calls that do not come from its own window', () => {
    const handler = electron.current!.handlers.get(API_CHANNELS.run)!;
    expect(() => handler({ sender: { id: 99 }, senderFrame: { url: 'https://evil.example/' } }, 'kubectl delete pods --all')).toThrow(/refused/);
  });

  it('plays time and sends one squashed diff per frame, only while something changes', async () => {
    const sent = electron.current!.sent;
    const call = (name: keyof typeof API_CHANNELS, ...args: unknown[]) => electron.current!.handlers.get(API_CHANNELS[name])!(ownFrame(), ...args);
    await call('getWorld');
    await vi.advanceTimersByTimeAsync(500);
    const quiet = sent.length;
    await vi.advanceTimersByTimeAsync(500);
    expect(sent.length).toBe(quiet);

    await call('setPlayback', { playing: true, speed: 60 });
    const before = sent.length;
    await vi.advanceTimersByTimeAsync(1000);
    const diffs = sent.slice(before).filter((m) => m.channel === DIFF_CHANNEL).map((m) => m.payload as WorldDiff);
    expect(diffs.length).toBeGreaterThanOrEqual(19);
    expect(diffs.length).toBeLessThanOrEqual(21);
    expect(Date.parse(diffs[diffs.length - 1]!.time) - Date.parse('2026-01-05T09:00:00Z')).toBe(60_000);
  });

  it('builds a French File menu with New, Open, Save, Save As, Connect a Terminal and Quit, and Help → About', () => {
    const template = vi.mocked(electron.current!.module.Menu.setApplicationMenu).mock.calls[0]![0] as unknown as { label: string; submenu: { label?: string }[] }[];
    expect(template[0]!.label).toBe('Fichier');
    expect(template[0]!.submenu.map((i) => i.label).filter(Boolean)).toEqual(['Nouvelle session', 'Ouvrir…', 'Enregistrer', 'Enregistrer sous…', 'Connecter un terminal…', 'Quitter']);
    expect(template[template.length - 1]!.submenu.map((i) => i.label)).toEqual(['À propos de Kubeville']);
  });
});

describe('preload', () => {
  beforeEach(() => {
    electron.current = createElectronStandIn();
    vi.resetModules();
  });

  it('exposes named API functions only, each on its own channel', async () => {
    await import('./preload');
    const api = electron.current!.exposed.get('kubeville') as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_CHANNELS), 'onDiff'].sort());
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
    await api['run']!('kubectl get pods');
    await api['advance']!('30000');
    expect(electron.current!.invoked).toEqual([
      { channel: API_CHANNELS.run, args: ['kubectl get pods'] },
      { channel: API_CHANNELS.advance, args: [30000] },
    ]);
  });
});
