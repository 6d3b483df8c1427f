// "Connect a Terminal…" (desktop app): serves the app's own Session through the Kubernetes API on loopback, as
// `kubeville serve` does, so the learner's real kubectl drives the cluster the window shows. The app's play loop
// keeps running the clock. No Electron import here: main/index.ts shows the dialog and copies the line.
import { join } from 'node:path';
import type { Session } from '../src/host/session';
import type { HostStringKey } from './host-strings';
import { exportLine } from './serve/kubeconfig';
import { ServeHost } from './serve/serve-host';

type Strings = (key: HostStringKey, params?: Record<string, string>) => string;

/** Where the app writes its kubeconfig: `kubeconfig` in its userData folder. */
export function terminalKubeconfigPath(userData: string): string {
  return join(userData, 'kubeconfig');
}

/** The line to paste into a shell: POSIX `export`, or PowerShell's `$env:` on Windows. */
export function kubeconfigLine(path: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `$env:KUBECONFIG="${path.replace(/"/g, '`"')}"` : exportLine(path);
}

export interface TerminalMessage {
  message: string;
  detail: string;
  /** What the Copy button copies. */
  line: string;
}

/** The dialog's words for a connection at `url` with its kubeconfig at `path`. */
export function connectTerminalMessage(url: string, path: string, platform: NodeJS.Platform, t: Strings): TerminalMessage {
  const line = kubeconfigLine(path, platform);
  return { message: t('connectTerminalMessage'), detail: t('connectTerminalDetail', { url, line }), line };
}

/** One API server for the app's session, started on first use and kept until the app quits. */
export class TerminalConnection {
  private host?: ServeHost;
  private starting?: Promise<ServeHost>;

  constructor(
    private readonly session: () => Session,
    private readonly userData: () => string,
  ) {}

  /** Serves the session (once) and writes the kubeconfig; resolves with the URL and the kubeconfig path. */
  async connect(): Promise<{ url: string; kubeconfig: string }> {
    this.starting ??= (async () => {
      const host = new ServeHost({ session: this.session(), port: 0, speed: 1, paused: false, hostClock: true, kubeconfigPath: terminalKubeconfigPath(this.userData()) });
      await host.start();
      this.host = host;
      return host;
    })();
    try {
      const host = await this.starting;
      return { url: host.url, kubeconfig: host.kubeconfigPath! };
    } catch (e) {
      this.starting = undefined;
      throw e;
    }
  }

  async stop(): Promise<void> {
    await this.host?.stop();
    this.host = undefined;
    this.starting = undefined;
  }
}
