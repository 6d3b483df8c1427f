// The klog warning a bare `--dry-run` prints.
import type { KubectlContext } from '../context';

/** `W0105 09:00:00.000000       1 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.` */
export function dryRunWarning(ctx: KubectlContext): string {
  const d = new Date(ctx.sim.now());
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `W${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds() * 1000, 6)}`;
  return `${stamp}       1 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.`;
}
