// `kubectl scale (deployment|replicaset|statefulset) NAME --replicas=N`: sets spec.replicas; `deployment.apps/web scaled`.
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, intFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { dryRunSuffix, parseDryRun } from './object-output';
import { targetObjects } from './target-object';
import { recordedBy } from './field-manager';

function run(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    if (!inv.flags.has('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
    const replicas = inv.flags.int('replicas', -1);
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (!inv.args.length) throw new UsageError(inv.path, 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
    const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
    const current = inv.flags.int('current-replicas', -1);
    for (const t of targetObjects(inv.args, inv.namespace, ctx)) {
      if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(t.object.kind)) {
        out.err(`error: no scaler has been implemented for {"${t.type.group}" "${t.object.kind}"}`);
        out.exitCode = 1;
        continue;
      }
      const spec = t.object.spec as { replicas?: number };
      if (current >= 0 && (spec.replicas ?? 1) !== current) throw new KubectlError(`Expected replicas to be ${current}, was ${spec.replicas ?? 1}`);
      // kubectl scale writes the scale subresource with no field manager: the API server names it after kubectl's User-Agent.
      const next = { ...t.object, metadata: { ...t.object.metadata, resourceVersion: undefined }, spec: { ...spec, replicas } };
      if (dryRun !== 'client') ctx.sim.api.update(recordedBy(ctx, t.object, next, 'kubectl', 'scale'), { dryRun: dryRun === 'server' });
      out.out(`${t.ref} scaled${dryRunSuffix(dryRun)}`);
    }
  });
}

export const scaleCommand: CommandDef = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  group: 'Deploy Commands',
  flags: [boolFlag('all'), boolFlag('allow-missing-template-keys'), intFlag('current-replicas'), stringFlag('dry-run', undefined, 'unchanged'), stringFlag('output', 'o'), intFlag('replicas'), stringFlag('resource-version'), stringFlag('selector', 'l'), stringFlag('timeout')],
  run,
};
