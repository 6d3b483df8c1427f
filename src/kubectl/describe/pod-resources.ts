// What a pod requests and is limited to, as the scheduler and `describe node` add it up: the sum over containers,
// at least the largest init container, plus the pod overhead.
import type { Pod } from '../../api/pod';
import { addQuantity, parseQuantity, type Quantity } from './quantity';

export type ResourceTotals = Map<string, Quantity>;

function listOf(resources: { requests?: Record<string, string>; limits?: Record<string, string> } | undefined, which: 'requests' | 'limits'): Record<string, string> {
  const own = resources?.[which] ?? {};
  // The API server defaults a missing request to its limit.
  return which === 'requests' ? { ...(resources?.limits ?? {}), ...own } : own;
}

export function podTotals(pod: Pod, which: 'requests' | 'limits'): ResourceTotals {
  const totals: ResourceTotals = new Map();
  for (const c of pod.spec.containers ?? []) {
    for (const [name, text] of Object.entries(listOf(c.resources, which))) {
      const q = parseQuantity(text);
      if (!q) continue;
      const have = totals.get(name);
      totals.set(name, have ? addQuantity(have, q) : q);
    }
  }
  for (const c of pod.spec.initContainers ?? []) {
    for (const [name, text] of Object.entries(listOf(c.resources, which))) {
      const q = parseQuantity(text);
      if (!q) continue;
      const have = totals.get(name);
      if (!have || q.nanos > have.nanos) totals.set(name, q);
    }
  }
  const overhead = pod.spec.overhead as Record<string, string> | undefined;
  for (const [name, text] of Object.entries(overhead ?? {})) {
    const q = parseQuantity(text);
    if (!q) continue;
    const have = totals.get(name);
    totals.set(name, have ? addQuantity(have, q) : q);
  }
  return totals;
}

export function addTotals(into: ResourceTotals, more: ResourceTotals): void {
  for (const [name, q] of more) {
    const have = into.get(name);
    into.set(name, have ? addQuantity(have, q) : q);
  }
}
