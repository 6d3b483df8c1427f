// kubectl patch TYPE NAME -p PATCH [--type=strategic|merge|json].
import { load } from 'js-yaml';
import type { KubeObject } from '../../api/meta';
import { ApiError } from '../../apiserver/api-error';
import { deepEqual, jsonMergePatch, jsonPatch, PatchError, strategicMergePatch, type Json } from '../../apiserver/patch';
import type { KubectlContext, KubectlResult } from '../context';
import { formatServerError, isApiError, KubectlError } from '../errors';
import { boolFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';
import { checkOutputFormat, kindPrefix, parseDryRun, printObjects } from './object-output';
import { selectObjects } from './select-objects';
import { fieldManager, recordedBy } from './field-manager';

/** Applies a patch of the given type to a live object (the API server's side of PATCH). */
export function applyPatch(live: KubeObject, patch: Json, type: string): KubeObject {
  const doc = live as unknown as Json;
  let result: Json;
  if (type === 'json') result = jsonPatch(doc, patch);
  else if (type === 'merge') result = jsonMergePatch(doc, patch);
  else result = strategicMergePatch(doc, patch);
  return result as unknown as KubeObject;
}

function runPatch(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const f = inv.flags;
    const text = f.string('patch') ?? (f.string('patch-file') ? ctx.files.read(f.string('patch-file')!) : undefined);
    if (f.string('patch-file') && text === undefined) throw new KubectlError(`unable to read patch file: open ${f.string('patch-file')}: no such file or directory`);
    if (!text) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    const type = f.string('type', 'strategic');
    if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`);
    const output = f.string('output');
    checkOutputFormat(output);
    const { dryRun } = parseDryRun(f.string('dry-run'));
    let patch: Json;
    try {
      patch = load(text) as Json;
    } catch (e) {
      throw new KubectlError(`unable to parse "${text}": ${(e as Error).message.split('\n')[0]}`);
    }
    const filenames = f.list('filename');
    if (!inv.args.length && !filenames.length) {
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    if (inv.args.length === 1 && !inv.args[0].includes('/')) throw new KubectlError('resource(s) were provided, but no name was specified');
    const { selected } = selectObjects(
      { args: inv.args, filenames, all: false, allNamespaces: false, namespace: inv.namespace, namespaceSet: inv.namespaceSet },
      ctx,
      out,
    );
    const minor = ctx.sim.config.minor;
    for (const { object: live } of selected) {
      try {
        let next: KubeObject;
        try {
          next = applyPatch(live, patch, type);
        } catch (e) {
          if (e instanceof PatchError) throw new ApiError('BadRequest', e.message);
          throw e;
        }
        const unchanged = deepEqual(next, live);
        const result = unchanged || dryRun === 'client' ? next : ctx.sim.api.update(recordedBy(ctx, live, next, fieldManager(inv, 'kubectl-patch')), { dryRun: dryRun === 'server' });
        if (output) {
          out.stdout += printObjects([result], output, minor);
          continue;
        }
        const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
        out.out(`${kindPrefix(live, minor)}/${live.metadata.name} patched${unchanged ? ' (no change)' : ''}${suffix}`);
      } catch (e) {
        if (!isApiError(e)) throw e;
        out.err(formatServerError(e));
        out.exitCode = 1;
      }
    }
  });
}

export const patchCommand: CommandDef = {
  name: 'patch',
  short: 'Update fields of a resource',
  group: 'Advanced Commands',
  flags: [
    boolFlag('allow-missing-template-keys'),
    stringFlag('dry-run', undefined, 'unchanged'),
    stringFlag('field-manager'),
    sliceFlag('filename', 'f'),
    stringFlag('kustomize', 'k'),
    boolFlag('local'),
    stringFlag('output', 'o'),
    stringFlag('patch', 'p'),
    stringFlag('patch-file'),
    boolFlag('recursive', 'R'),
    boolFlag('show-managed-fields'),
    stringFlag('subresource'),
    stringFlag('template'),
    stringFlag('type'),
  ],
  run: runPatch,
};
