// describe namespace: status, then its resource quotas and limit ranges.
// https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/namespace-v1/
import type { Namespace } from '../../api/namespace';
import type { Condition, KubeObject } from '../../api/meta';
import type { DescribeContext } from './context';
import { byCodeUnit, printAnnotationsMultiline, printLabelsMultiline } from './meta-blocks';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { rfc1123z } from './time-format';
import { canonicalQuantity } from './quantity';

interface ResourceQuota extends KubeObject {
  spec?: { scopes?: string[] };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

interface LimitRange extends KubeObject {
  spec?: { limits?: { type: string; max?: Record<string, string>; min?: Record<string, string>; default?: Record<string, string>; defaultRequest?: Record<string, string>; maxLimitRequestRatio?: Record<string, string> }[] };
}

export function describeNamespace(ns: Namespace, ctx: DescribeContext): string {
  const name = ns.metadata.name ?? '';
  const quotas = [...ctx.api.list<ResourceQuota>('ResourceQuota', name)].sort((a, b) => byCodeUnit(a.metadata.name!, b.metadata.name!));
  const limitRanges = ctx.api.list<LimitRange>('LimitRange', name);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = (ns.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
    if (quotas.length === 0) {
      w.write(LEVEL_0, 'No resource quota.\n');
    } else {
      w.write(LEVEL_0, 'Resource Quotas\n');
      for (const q of quotas) {
        w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
        const scopes = [...(q.spec?.scopes ?? [])].sort(byCodeUnit);
        if (scopes.length) w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
        w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
        w.write(LEVEL_1, '--------\t---\t---\n');
        const hard = q.status?.hard ?? {};
        for (const r of Object.keys(hard).sort(byCodeUnit)) {
          w.write(LEVEL_1, `${r}\t${canonicalQuantity(q.status?.used?.[r] ?? '0')}\t${canonicalQuantity(hard[r])}\n`);
        }
      }
    }
    w.write(LEVEL_0, '\n');
    if (limitRanges.length === 0) {
      w.write(LEVEL_0, 'No LimitRange resource.\n');
    } else {
      w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
      w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
      for (const lr of limitRanges) {
        for (const item of lr.spec?.limits ?? []) {
          const names = new Set([...Object.keys(item.max ?? {}), ...Object.keys(item.min ?? {}), ...Object.keys(item.default ?? {}), ...Object.keys(item.defaultRequest ?? {}), ...Object.keys(item.maxLimitRequestRatio ?? {})]);
          const v = (m: Record<string, string> | undefined, k: string) => (m?.[k] !== undefined ? canonicalQuantity(m[k]) : '-');
          for (const k of names) {
            w.write(LEVEL_0, ` ${item.type}\t${k}\t${v(item.min, k)}\t${v(item.max, k)}\t${v(item.defaultRequest, k)}\t${v(item.default, k)}\t${v(item.maxLimitRequestRatio, k)}\n`);
          }
        }
      }
    }
  });
}
