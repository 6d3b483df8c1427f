// `kubectl set image (deployment|rs|ds|pod)/NAME CONTAINER=IMAGE…`: changes container images; `… image updated`.
import type { Container, PodSpec } from '../../api/pod';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { dryRunSuffix, parseDryRun } from './object-output';
import { targetObjects } from './target-object';
import { fieldManager, recordedBy } from './field-manager';

function podSpecOf(obj: { kind: string; spec?: unknown }): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  return (obj.spec as { template?: { spec: PodSpec } } | undefined)?.template?.spec;
}

function runImage(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const pairs = inv.args.filter((a) => a.includes('='));
    const resources = inv.args.filter((a) => !a.includes('='));
    if (!resources.length) throw new UsageError(inv.path, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (!pairs.length) throw new UsageError(inv.path, 'at least one image update is required');
    const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
    for (const t of targetObjects(resources, inv.namespace, ctx)) {
      const obj = JSON.parse(JSON.stringify(t.object)) as typeof t.object;
      const spec = podSpecOf(obj);
      if (!spec) throw new KubectlError(`${t.ref} does not have a pod template`);
      for (const [name, image] of images) {
        const all = [...spec.containers, ...(spec.initContainers ?? [])] as Container[];
        const targets = name === '*' ? all : all.filter((c) => c.name === name);
        if (!targets.length) throw new KubectlError(`unable to find container named "${name}"`);
        for (const c of targets) c.image = image;
      }
      if (dryRun !== 'client') ctx.sim.api.update(recordedBy(ctx, t.object, { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, fieldManager(inv, 'kubectl-set')), { dryRun: dryRun === 'server' });
      out.out(`${t.ref} image updated${dryRunSuffix(dryRun)}`);
    }
  });
}

export const setCommand: CommandDef = {
  name: 'set',
  short: 'Set specific features on objects',
  group: 'Basic Commands (Beginner)',
  subcommands: [
    { name: 'env', short: 'Update environment variables on a pod template' },
    {
      name: 'image',
      short: 'Update the image of a pod template',
      flags: [boolFlag('all'), boolFlag('allow-missing-template-keys'), stringFlag('dry-run', undefined, 'unchanged'), sliceFlagless('filename', 'f'), boolFlag('local'), stringFlag('output', 'o'), boolFlag('record'), stringFlag('selector', 'l')],
      run: runImage,
    },
    { name: 'resources', short: 'Update resource requests/limits on objects with pod templates' },
    { name: 'selector', short: 'Set the selector on a resource' },
    { name: 'serviceaccount', aliases: ['sa'], short: 'Update the service account of a resource' },
    { name: 'subject', short: 'Update the user, group, or service account in a role binding or cluster role binding' },
  ],
};

function sliceFlagless(name: string, short: string) {
  return stringFlag(name, short);
}
