// describe deployment. https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/
import type { Deployment, ReplicaSet } from '../../api/workloads';
import type { DescribeContext } from './context';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, selectorString } from './meta-blocks';
import { describePodTemplate } from './pod-spec';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { rfc1123z } from './time-format';

/** JSON with sorted keys, to compare templates as deep-equal values. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function templateWithoutHash(rs: ReplicaSet): string {
  const t = rs.spec.template;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return canonical({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
}

function rsList(list: ReplicaSet[]): string {
  return list.length ? list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(', ') : '<none>';
}

export function describeDeployment(d: Deployment, ctx: DescribeContext): string {
  const events = eventsFor(ctx, d);
  const owned = ctx.api
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid));
  const want = canonical({ ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels: { ...(d.spec.template.metadata?.labels ?? {}) } } });
  const newRS = owned.filter((rs) => templateWithoutHash(rs) === want).slice(0, 1);
  // FindOldReplicaSets' requiredRSs: old ReplicaSets that still want pods.
  const oldRSs = owned.filter((rs) => !newRS.includes(rs) && (rs.spec.replicas ?? 1) !== 0);
  const spec = d.spec;
  const status = d.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${(spec.minReadySeconds as number | undefined) ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
    describePodTemplate(spec.template, w, ctx.minor);
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length || newRS.length) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS)}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
