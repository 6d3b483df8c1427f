// `kubectl rollout status|history|undo|restart deployment/NAME` with kubectl 1.32's messages
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers: rollout_status.go, history.go, rollback.go, objectrestarter.go).
import type { Deployment, ReplicaSet } from '../../api/workloads';
import type { KubectlContext, KubectlResult, Output } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, durationFlag, intFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { dryRunSuffix, parseDryRun } from './object-output';
import { targetObjects, type Target } from './target-object';
import { HASH_LABEL, ownedReplicaSets, REVISION, revisionOf, sameTemplate } from '../../controllers/deployment-controller';
import { formatTabs } from '../printers/tabwriter';

function deploymentTargets(inv: Invocation, ctx: KubectlContext): Target[] {
  if (!inv.args.length) throw new UsageError(inv.path, 'required resource not specified');
  const targets = targetObjects(inv.args, inv.namespace, ctx);
  for (const t of targets) if (t.object.kind !== 'Deployment') throw new KubectlError(`no ${inv.path.split(' ').pop() === 'status' ? 'status viewer' : inv.path.split(' ').pop() === 'history' ? 'history viewer' : 'rollbacker'} has been implemented for {"${t.type.group}" "${t.object.kind}"}`);
  return targets;
}

/** DeploymentStatusViewer.Status: the message and whether the rollout is done. */
export function deploymentStatus(d: Deployment): { message: string; done: boolean } {
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) > (d.status?.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const cond = d.status?.conditions?.find((c) => c.type === 'Progressing');
  if (cond?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment "${name}" exceeded its progress deadline`);
  const want = d.spec.replicas ?? 1;
  const updated = d.status?.updatedReplicas ?? 0;
  const replicas = d.status?.replicas ?? 0;
  const available = d.status?.availableReplicas ?? 0;
  if (updated < want) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if (replicas > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
  if (available < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** How long `rollout status` may wait in simulated time when no --timeout is given. */
const STATUS_WAIT_MS = 15 * 60_000;

function runStatus(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const [t] = deploymentTargets(inv, ctx);
    const ns = t.object.metadata.namespace;
    const name = t.object.metadata.name!;
    const watch = inv.flags.bool('watch', true);
    const timeout = inv.flags.duration('timeout', 0);
    let last = '';
    const check = (): boolean => {
      const d = ctx.sim.api.get<Deployment>('Deployment', ns, name);
      const s = deploymentStatus(d);
      if (s.message !== last) {
        out.stdout += s.message;
        last = s.message;
      }
      return s.done;
    };
    if (check() || !watch) return;
    const ok = ctx.sim.advanceUntil(check, timeout > 0 ? timeout : STATUS_WAIT_MS);
    if (!ok) throw new KubectlError('timed out waiting for the condition');
  });
}

function history(ctx: KubectlContext, d: Deployment): Map<number, ReplicaSet> {
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of ownedReplicaSets(ctx.sim.api, d)) byRevision.set(revisionOf(rs), rs);
  return byRevision;
}

function runHistory(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    for (const t of deploymentTargets(inv, ctx)) {
      const d = t.object as Deployment;
      const revs = history(ctx, d);
      const wanted = inv.flags.int('revision', 0);
      if (wanted > 0) {
        const rs = revs.get(wanted);
        if (!rs) throw new KubectlError(`unable to find the specified revision`);
        out.stdout += `${t.ref} with revision #${wanted}\nPod Template:\n  Labels:\t${Object.entries(rs.spec.template.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join('\n\t')}\n  Containers:\n${rs.spec.template.spec.containers.map((c) => `   ${c.name}:\n    Image:\t${c.image}\n`).join('')}\n`;
        continue;
      }
      let table = 'REVISION\tCHANGE-CAUSE\n';
      for (const r of [...revs.keys()].sort((a, b) => a - b)) table += `${r}\t${revs.get(r)!.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>'}\n`;
      out.stdout += `${t.ref} \n${formatTabs(table, { minWidth: 0, padding: 2, padChar: ' ' })}\n`;
    }
  });
}

function runUndo(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
    for (const t of deploymentTargets(inv, ctx)) {
      const d = t.object as Deployment;
      const revs = history(ctx, d);
      const toRevision = inv.flags.int('to-revision', 0);
      let target: ReplicaSet | undefined;
      if (toRevision > 0) {
        target = revs.get(toRevision);
        if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
      } else {
        const sorted = [...revs.keys()].sort((a, b) => b - a);
        if (sorted.length <= 1) throw new KubectlError(`no rollout history found for deployment "${d.metadata.name}"`);
        target = revs.get(sorted[1]);
      }
      if (sameTemplate(target!.spec.template, d.spec.template)) {
        out.out(`${t.ref} skipped rollback (current template already matches revision ${revisionOf(target!)})`);
        continue;
      }
      const labels = { ...(target!.spec.template.metadata?.labels ?? {}) };
      delete labels[HASH_LABEL];
      const template = { ...target!.spec.template, metadata: { ...(target!.spec.template.metadata ?? {}), labels } };
      if (dryRun !== 'client') ctx.sim.api.update<Deployment>({ ...d, metadata: { ...d.metadata, resourceVersion: undefined }, spec: { ...d.spec, template } }, { dryRun: dryRun === 'server' });
      out.out(`${t.ref} rolled back${dryRunSuffix(dryRun)}`);
    }
  });
}

/** time.Now().Format(time.RFC3339) in UTC. */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function runRestart(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out: Output) => {
    const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
    for (const t of deploymentTargets(inv, ctx)) {
      const d = t.object as Deployment;
      if (d.spec.paused) throw new KubectlError(`can't restart paused deployment (run rollout resume first)`);
      const meta = d.spec.template.metadata ?? {};
      const template = { ...d.spec.template, metadata: { ...meta, annotations: { ...(meta.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.sim.now()) } } };
      if (dryRun !== 'client') ctx.sim.api.update<Deployment>({ ...d, metadata: { ...d.metadata, resourceVersion: undefined }, spec: { ...d.spec, template } }, { dryRun: dryRun === 'server' });
      out.out(`${t.ref} restarted${dryRunSuffix(dryRun)}`);
    }
  });
}

function runPause(paused: boolean) {
  return (inv: Invocation, ctx: KubectlContext): KubectlResult =>
    withOutput((out) => {
      for (const t of deploymentTargets(inv, ctx)) {
        const d = t.object as Deployment;
        if (!!d.spec.paused === paused) {
          throw new KubectlError(`deployments.apps "${d.metadata.name}" is ${paused ? 'already paused' : 'not paused'}`);
        }
        ctx.sim.api.update<Deployment>({ ...d, metadata: { ...d.metadata, resourceVersion: undefined }, spec: { ...d.spec, paused: paused || undefined } });
        out.out(`${t.ref} ${paused ? 'paused' : 'resumed'}`);
      }
    });
}

const COMMON = [stringFlag('filename', 'f'), boolFlag('recursive', 'R'), stringFlag('selector', 'l')];

export const rolloutCommand: CommandDef = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  group: 'Deploy Commands',
  subcommands: [
    { name: 'history', short: 'View rollout history', flags: [...COMMON, boolFlag('allow-missing-template-keys'), stringFlag('output', 'o'), intFlag('revision')], run: runHistory },
    { name: 'pause', short: 'Mark the provided resource as paused', flags: COMMON, run: runPause(true) },
    { name: 'restart', short: 'Restart a resource', flags: [...COMMON, stringFlag('dry-run', undefined, 'unchanged'), stringFlag('output', 'o')], run: runRestart },
    { name: 'resume', short: 'Resume a paused resource', flags: COMMON, run: runPause(false) },
    { name: 'status', short: 'Show the status of the rollout', flags: [...COMMON, intFlag('revision'), durationFlag('timeout'), boolFlag('watch', 'w')], run: runStatus },
    { name: 'undo', short: 'Undo a previous rollout', flags: [...COMMON, stringFlag('dry-run', undefined, 'unchanged'), stringFlag('output', 'o'), intFlag('to-revision')], run: runUndo },
  ],
};

export { REVISION };
