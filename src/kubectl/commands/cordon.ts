// kubectl cordon / uncordon: set or clear a node's spec.unschedulable.
import type { Node } from '../../api/node';
import { parseLabelSelector } from '../../api/selectors';
import type { KubectlContext, KubectlResult, Output } from '../context';
import { stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { dryRunSuffix, parseDryRun, type DryRun } from './object-output';

/** The nodes a cordon/uncordon/drain names: one NODE argument or -l. */
export function nodesFor(inv: Invocation, ctx: KubectlContext, verb: string): Node[] {
  const selector = inv.flags.string('selector');
  if (inv.args.length !== 1 && !(selector && inv.args.length === 0)) throw new UsageError(inv.path, `USAGE: ${verb} NODE [flags]`);
  if (selector) return ctx.sim.api.list<Node>('Node', undefined, { labelSelector: parseLabelSelector(selector) });
  return [ctx.sim.api.get<Node>('Node', undefined, inv.args[0])];
}

/** Sets spec.unschedulable; prints `node/x cordoned` or `node/x already cordoned`. */
export function setUnschedulable(node: Node, desired: boolean, dryRun: DryRun, ctx: KubectlContext, out: Output): void {
  const word = desired ? 'cordoned' : 'uncordoned';
  if ((node.spec.unschedulable ?? false) === desired) {
    out.out(`node/${node.metadata.name} already ${word}`);
    return;
  }
  if (dryRun !== 'client') {
    const spec = { ...node.spec };
    if (desired) spec.unschedulable = true;
    else delete spec.unschedulable;
    ctx.sim.api.update({ ...node, spec }, { dryRun: dryRun === 'server' });
  }
  out.out(`node/${node.metadata.name} ${word}${dryRunSuffix(dryRun)}`);
}

function runCordon(desired: boolean, inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
    const nodes = nodesFor(inv, ctx, desired ? 'cordon' : 'uncordon');
    for (const n of nodes) setUnschedulable(n, desired, dryRun, ctx, out);
  });
}

const FLAGS = [stringFlag('dry-run', undefined, 'unchanged'), stringFlag('selector', 'l')];

export const cordonCommand: CommandDef = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  group: 'Cluster Management Commands',
  flags: FLAGS,
  run: (inv, ctx) => runCordon(true, inv, ctx),
};

export const uncordonCommand: CommandDef = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  group: 'Cluster Management Commands',
  flags: FLAGS,
  run: (inv, ctx) => runCordon(false, inv, ctx),
};
