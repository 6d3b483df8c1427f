// The field manager an emulated command writes as, and the managedFields entry its write leaves, as the API server
// records them for the real kubectl (`kubectl-create`, `kubectl-label`, `kubectl` with subresource scale…). Only
// commands call this: controller writes record nothing.
import type { KubeObject } from '../../api/meta';
import { recordUpdate } from '../../apiserver/managed-fields';
import type { KubectlContext } from '../context';
import type { Invocation } from './command';

/** `--field-manager`, else the name kubectl 1.32 sends for this command. */
export function fieldManager(inv: Invocation, name: string): string {
  return inv.flags.string('field-manager') || name;
}

/** `next` with the managedFields that an Update by `manager` leaves on `live` (a create when undefined). */
export function recordedBy<T extends KubeObject>(ctx: KubectlContext, live: KubeObject | undefined, next: T, manager: string, subresource?: 'scale'): T {
  return recordUpdate(live, next, manager, { now: ctx.sim.now(), minor: ctx.sim.config.minor, subresource });
}
