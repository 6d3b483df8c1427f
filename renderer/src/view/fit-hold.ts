// When a view that keeps its content in sight fits it again. Pure.
import type { Box } from './cluster-layout';

/** Share of the fitted size the content must lose before the view zooms in again. */
const SHRINK = 0.15;

/** At once when the content outgrows the box last fitted; only after a real shrink otherwise, so that a pod waiting
 * a moment for a node (a CronJob's, every minute) does not zoom the whole view out and in, re-laying every label. */
export function needsRefit(fitted: Box | undefined, next: Box): boolean {
  if (!fitted) return true;
  const outgrown = next.x < fitted.x || next.y < fitted.y || next.x + next.w > fitted.x + fitted.w || next.y + next.h > fitted.y + fitted.h;
  return outgrown || next.w < fitted.w * (1 - SHRINK) || next.h < fitted.h * (1 - SHRINK);
}
