// kubectl apply -f: client-side apply with the last-applied-configuration annotation and a three-way strategic merge.
import type { KubeObject } from '../../api/meta';
import { resourceForKind } from '../../api/resources';
import { structuredCopy } from '../../apiserver/api-server';
import { isApiError } from '../errors';
import { strategicMergePatch, threeWayMergePatch, PatchError, type Json } from '../../apiserver/patch';
import type { KubectlContext, KubectlResult } from '../context';
import { formatServerError, KubectlError } from '../errors';
import { readManifests } from '../manifests';
import { arrayFlag, boolFlag, durationFlag, intFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';
import { mappingError } from './mapping-error';
import { checkOutputFormat, operationLine, parseDryRun, printObjects } from './object-output';
import { dryRunWarning } from './dry-run-warning';
import { toCompactJson } from '../printers/json';
import { deprecationWarning } from '../../apiserver/deprecation';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object with its last-applied-configuration annotation set, as kubectl's GetModifiedConfiguration builds it:
 * the manifest (annotations present, possibly empty, minus any old last-applied) as compact JSON plus a newline.
 */
export function withLastApplied(obj: KubeObject): KubeObject {
  const copy = structuredCopy(obj);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  const applied = toCompactJson(copy) + '\n';
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: applied };
  return copy;
}

/** Resolves a manifest's type and namespace, or throws the mapping / namespace-mismatch error. */
export function placeManifest(obj: KubeObject, source: string, inv: Invocation, ctx: KubectlContext) {
  const t = resourceForKind(obj.apiVersion, obj.kind, ctx.sim.config.minor);
  if (!t) throw new KubectlError(mappingError(obj, source));
  const copy = structuredCopy(obj);
  if (t.namespaced) {
    const own = copy.metadata.namespace;
    if (own && inv.namespaceSet && own !== inv.namespace) {
      throw new KubectlError(`the namespace from the provided object "${own}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    copy.metadata.namespace = own || inv.namespace;
  }
  return { type: t, object: copy };
}

function runApply(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const filenames = inv.flags.list('filename');
    if (!filenames.length && !inv.flags.string('kustomize')) throw new KubectlError('must specify one of -f and -k');
    if (inv.args.length) throw new KubectlError(`Unexpected args: [${inv.args.join(' ')}]\nSee '${inv.path} -h' for help and examples`);
    const output = inv.flags.string('output');
    checkOutputFormat(output);
    const { dryRun, deprecated } = parseDryRun(inv.flags.string('dry-run'));
    if (deprecated) out.err(dryRunWarning(ctx));
    const api = ctx.sim.api;
    const minor = ctx.sim.config.minor;
    const manifests = readManifests(filenames, ctx.files, ctx.stdin);
    const deferred: string[] = [];
    const warned = new Set<string>();
    for (const m of manifests) {
      let placed;
      try {
        placed = placeManifest(m.object, m.source, inv, ctx);
        const warning = deprecationWarning(m.object.apiVersion, m.object.kind, minor);
        if (warning && !warned.has(warning)) out.err((warned.add(warning), warning));
      } catch (e) {
        if (e instanceof KubectlError && e.message.startsWith('error: resource mapping')) {
          deferred.push(e.message);
          continue;
        }
        throw e;
      }
      const { type, object } = placed;
      const modified = withLastApplied(object);
      const name = object.metadata.name ?? '';
      try {
        if (!name) throw new KubectlError(`error when retrieving current configuration of:\nResource: "${type.group ? type.group + '/' : ''}${type.version}, Resource=${type.name}", GroupVersionKind: "${type.group ? type.group + '/' : ''}${type.version}, Kind=${type.kind}"\nName: "", Namespace: "${object.metadata.namespace ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`);
        const live = api.tryGet(type.kind, object.metadata.namespace, name);
        if (!live) {
          const created = dryRun === 'client' ? modified : api.create(modified, { dryRun: dryRun === 'server' });
          if (output) out.stdout += printObjects([created], output, minor);
          else out.out(operationLine(created, 'created', dryRun, minor));
          continue;
        }
        const lastText = live.metadata.annotations?.[LAST_APPLIED];
        if (lastText === undefined) {
          out.err(
            `Warning: resource ${type.name}${type.group ? '.' + type.group : ''}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
          );
        }
        let original: Json | undefined;
        try {
          original = lastText ? (JSON.parse(lastText) as Json) : undefined;
        } catch {
          original = undefined;
        }
        const patch = threeWayMergePatch(original, modified as unknown as Json, live as unknown as Json);
        if (Object.keys(patch).length === 0) {
          if (output) out.stdout += printObjects([live], output, minor);
          else out.out(operationLine(live, 'unchanged', dryRun, minor));
          continue;
        }
        const merged = strategicMergePatch(live as unknown as Json, patch) as unknown as KubeObject;
        const result = dryRun === 'client' ? merged : api.update(merged, { dryRun: dryRun === 'server' });
        if (output) out.stdout += printObjects([result], output, minor);
        else out.out(operationLine(result, 'configured', dryRun, minor));
      } catch (e) {
        out.exitCode = 1;
        if (isApiError(e)) {
          const verb = api.tryGet(type.kind, object.metadata.namespace, name) ? 'applying' : 'creating';
          out.err(formatServerError(e, { verb, file: m.source }));
        } else if (e instanceof PatchError) out.err(`error: ${e.message}`);
        else if (e instanceof KubectlError) out.err(e.message.startsWith('error: ') ? e.message : `error: ${e.message}`);
        else throw e;
      }
    }
    for (const d of deferred) {
      out.err(d);
      out.exitCode = 1;
    }
  });
}

export const applyCommand: CommandDef = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  group: 'Advanced Commands',
  flags: [
    boolFlag('all'),
    boolFlag('allow-missing-template-keys'),
    stringFlag('cascade'),
    stringFlag('dry-run', undefined, 'unchanged'),
    stringFlag('field-manager'),
    sliceFlag('filename', 'f'),
    boolFlag('force'),
    boolFlag('force-conflicts'),
    intFlag('grace-period'),
    stringFlag('kustomize', 'k'),
    boolFlag('openapi-patch'),
    stringFlag('output', 'o'),
    boolFlag('overwrite'),
    boolFlag('prune'),
    arrayFlag('prune-allowlist'),
    boolFlag('recursive', 'R'),
    stringFlag('selector', 'l'),
    boolFlag('server-side'),
    boolFlag('show-managed-fields'),
    stringFlag('subresource'),
    stringFlag('template'),
    durationFlag('timeout'),
    stringFlag('validate', undefined, 'strict'),
    boolFlag('wait'),
  ],
  subcommands: [
    { name: 'edit-last-applied', short: 'Edit latest last-applied-configuration annotations of a resource/object' },
    { name: 'set-last-applied', short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file' },
    { name: 'view-last-applied', short: 'View the latest last-applied-configuration annotations of a resource/object' },
  ],
  run: runApply,
};
