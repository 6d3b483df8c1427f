import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../src/host/session';
import { hostStrings } from './host-strings';
import { connectTerminalMessage, kubeconfigLine, TerminalConnection, terminalKubeconfigPath } from './terminal-connection';

describe('Connect a Terminal', () => {
  it('writes the kubeconfig in the app’s userData folder', () => {
    expect(terminalKubeconfigPath('/home/ada/.config/Kubeville')).toBe('/home/ada/.config/Kubeville/kubeconfig');
  });

  it('gives the export line for POSIX shells (quoted when the path has spaces) and PowerShell on Windows', () => {
    expect(kubeconfigLine('/home/ada/.config/Kubeville/kubeconfig', 'linux')).toBe('export KUBECONFIG=/home/ada/.config/Kubeville/kubeconfig');
    expect(kubeconfigLine('/Users/ada/Library/Application Support/Kubeville/kubeconfig', 'darwin')).toBe("export KUBECONFIG='/Users/ada/Library/Application Support/Kubeville/kubeconfig'");
    expect(kubeconfigLine('C:\\Users\\ada\\AppData\\Roaming\\Kubeville\\kubeconfig', 'win32')).toBe('$env:KUBECONFIG="C:\\Users\\ada\\AppData\\Roaming\\Kubeville\\kubeconfig"');
  });

  it('builds the dialog’s words in the interface language, with the line to copy', () => {
    const m = connectTerminalMessage('https://127.0.0.1:40123', '/tmp/k/kubeconfig', 'linux', hostStrings('fr-FR'));
    expect(m.line).toBe('export KUBECONFIG=/tmp/k/kubeconfig');
    expect(m.message).toBe('Votre propre kubectl peut maintenant piloter ce cluster');
    expect(m.detail).toContain('https://127.0.0.1:40123');
    expect(m.detail).toContain('\n\nexport KUBECONFIG=/tmp/k/kubeconfig\n\n');
  });

  it('serves the app’s own session once, leaving its clock to the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeville-terminal-'));
    const session = new Session({ startMs: Date.parse('2026-01-05T09:00:00Z'), seed: 1 });
    session.playback = { playing: false, speed: 4 };
    const c = new TerminalConnection(() => session, () => dir);
    const first = await c.connect();
    const again = await c.connect();
    expect(again).toEqual(first);
    expect(first.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(join(dir, 'kubeconfig'), 'utf8')).toContain(`server: ${first.url}`);
    expect(session.playback).toEqual({ playing: false, speed: 4 });
    await c.stop();
  });
});
