// kubectl delete: by TYPE NAME, TYPE/NAME, -f, -l or --all; waits (in simulated time) until the objects are gone.
import type { KubeObject } from '../../api/meta';
import type { DeleteOptions } from '../../apiserver/api-server';
import type { KubectlContext, KubectlResult } from '../context';
import { formatServerError, isApiError, KubectlError } from '../errors';
import { boolFlag, durationFlag, intFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';
import { kindPrefix, parseDryRun } from './object-output';
import { selectObjects } from './select-objects';

/** `--timeout=0` means "a week" in kubectl; the simulation stops waiting after an hour of simulated time. */
export const MAX_WAIT_MS = 60 * 60 * 1000;

export const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

function cascadePolicy(value: string, out: { err(s: string): void }): DeleteOptions['propagationPolicy'] {
  switch (value) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'true':
      out.err('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.');
      return 'Background';
    case 'false':
      out.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.');
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  }
}

function runDelete(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const f = inv.flags;
    const filenames = f.list('filename');
    const policy = cascadePolicy(f.string('cascade', 'background'), out);
    let grace = f.int('grace-period', -1);
    const force = f.bool('force');
    if (f.bool('now')) {
      if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (grace === 0 && !force) grace = 1;
    if (force && grace > 0) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
    if (force && grace < 0) grace = 0;
    const { dryRun } = parseDryRun(f.string('dry-run'));
    const all = f.bool('all');
    const selector = f.string('selector');
    if (all && selector) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
    if (!inv.args.length && !filenames.length && !f.string('kustomize')) {
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const onlyTypes = !filenames.length && inv.args.length > 0 && !inv.args.some((a) => a.includes('/')) && inv.args.length === 1;
    if (onlyTypes && !all && !selector && !f.string('field-selector')) throw new KubectlError('resource(s) were provided, but no name was specified');
    if (grace === 0 && force) out.err(FORCE_WARNING);
    const ignoreNotFound = f.bool('ignore-not-found') || ((all || !!selector) && !f.has('ignore-not-found'));
    const { selected } = selectObjects(
      {
        args: inv.args,
        filenames,
        selector,
        fieldSelector: f.string('field-selector'),
        all,
        allNamespaces: f.bool('all-namespaces'),
        namespace: inv.namespace,
        namespaceSet: inv.namespaceSet,
        verb: 'deleting',
        ignoreNotFound,
      },
      ctx,
      out,
    );
    if (selected.length === 0) {
      if (out.exitCode === 0 && !f.bool('ignore-not-found')) out.out('No resources found');
      return;
    }
    const api = ctx.sim.api;
    const minor = ctx.sim.config.minor;
    const deleted: KubeObject[] = [];
    for (const s of selected) {
      const o = s.object;
      try {
        if (dryRun !== 'client') {
          api.delete(o.kind, o.metadata.namespace, o.metadata.name!, {
            gracePeriodSeconds: grace >= 0 ? grace : undefined,
            propagationPolicy: policy,
            dryRun: dryRun === 'server',
          });
        }
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.reason === 'NotFound' && ignoreNotFound) continue;
        out.err(formatServerError(e, s.source ? { verb: 'creating', file: s.source } : undefined).replace('error when creating', 'error when deleting'));
        out.exitCode = 1;
        continue;
      }
      deleted.push(o);
      if (f.string('output') === 'name') out.out(`${kindPrefix(o, minor)}/${o.metadata.name}`);
      else {
        const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
        out.out(`${kindPrefix(o, minor)} "${o.metadata.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${suffix}`);
      }
    }
    const wait = f.bool('wait', true) && dryRun === 'none' && !(force && grace === 0);
    if (!wait || deleted.length === 0) return;
    const timeout = f.duration('timeout', 0);
    const limit = timeout > 0 ? timeout : MAX_WAIT_MS;
    const gone = (o: KubeObject) => {
      const now = api.tryGet(o.kind, o.metadata.namespace, o.metadata.name!);
      return !now || now.metadata.uid !== o.metadata.uid;
    };
    const ok = ctx.sim.advanceUntil(() => deleted.every(gone), limit);
    if (!ok) {
      const left = deleted.find((o) => !gone(o))!;
      const t = api.resourceType(left.kind);
      out.err(`error: timed out waiting for the condition on ${t.name}${t.group ? '.' + t.group : ''}/${left.metadata.name}`);
      out.exitCode = 1;
    }
  });
}

export const deleteCommand: CommandDef = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  group: 'Basic Commands (Intermediate)',
  flags: [
    boolFlag('all'),
    boolFlag('all-namespaces', 'A'),
    stringFlag('cascade', undefined, 'background'),
    stringFlag('dry-run', undefined, 'unchanged'),
    stringFlag('field-selector'),
    sliceFlag('filename', 'f'),
    boolFlag('force'),
    intFlag('grace-period'),
    boolFlag('ignore-not-found'),
    boolFlag('interactive', 'i'),
    stringFlag('kustomize', 'k'),
    boolFlag('now'),
    stringFlag('output', 'o'),
    stringFlag('raw'),
    boolFlag('recursive', 'R'),
    stringFlag('selector', 'l'),
    durationFlag('timeout'),
    boolFlag('wait'),
  ],
  run: runDelete,
};
