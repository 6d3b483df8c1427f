// The lock file next to a state file while `kubeville serve` holds it: where the server listens and its token, so
// the CLI's other commands on that state file go through the server instead of the file.

export interface ServeLock {
  pid: number;
  url: string;
  token: string;
  /** The server's self-signed certificate (PEM), to trust it. */
  ca: string;
}

export function lockPathOf(statePath: string): string {
  return `${statePath}.lock`;
}

export function parseLock(text: string | undefined): ServeLock | undefined {
  if (!text) return undefined;
  try {
    const doc = JSON.parse(text) as Partial<ServeLock>;
    if (typeof doc.pid !== 'number' || typeof doc.url !== 'string' || typeof doc.token !== 'string' || typeof doc.ca !== 'string') return undefined;
    if (!/^https:\/\/(127\.0\.0\.1|\[::1\]):\d+$/.test(doc.url)) return undefined;
    return { pid: doc.pid, url: doc.url, token: doc.token, ca: doc.ca };
  } catch {
    return undefined;
  }
}

/** Whether a process with this id is alive (signal 0 probes without signalling). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
