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
import type { ResourceType } from '../../api/resources';
import { type ApiError, badRequest } from '../../apiserver/api-error';
import { checkAgainstSchema } from '../../explain/schema-check';
import { recordUpdate, withManagedFields } from '../../apiserver/managed-fields';
import { LAST_APPLIED_PATH, ownersOf, serverSideApply, upgradeClientSideManagers } from '../../apiserver/server-side-apply';

/** The API server's decoding error for a manifest with unknown fields or wrongly typed values, if any. */
function strictDecodingError(obj: KubeObject): ApiError | undefined {
  const problems = checkAgainstSchema(obj as unknown as Record<string, unknown>, obj.apiVersion, obj.kind);
  if (!problems.length) return undefined;
  const unknown = problems.map((p) => /strict decoding error: (unknown field ".*")$/.exec(p.message)?.[1]).filter((x): x is string => x !== undefined);
  if (unknown.length < problems.length) return badRequest(problems[0]!.message);
  const version = obj.apiVersion.split('/').pop();
  return badRequest(`${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: strict decoding error: ${unknown.join(', ')}`);
}

/** kubectl's advice under a server-side apply conflict. */
const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

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
    const serverSide = inv.flags.bool('server-side');
    const manager = inv.flags.string('field-manager') ?? (serverSide ? 'kubectl' : 'kubectl-client-side-apply');
    if (inv.flags.bool('force-conflicts') && !serverSide) throw new KubectlError('--force-conflicts only works with --server-side');
    const record = <T extends KubeObject>(live: KubeObject | undefined, next: T): T => recordUpdate(live, next, manager, { now: ctx.sim.now(), minor });
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
      const decoding = inv.flags.string('validate') === 'strict' || inv.flags.string('validate') === 'true' || inv.flags.string('validate') === undefined ? strictDecodingError(object) : undefined;
      if (decoding && (serverSide || !api.tryGet(type.kind, object.metadata.namespace, object.metadata.name ?? ''))) {
        // kubectl sends fieldValidation=Strict: the API server refuses unknown fields at any depth.
        out.exitCode = 1;
        out.err(serverSide ? formatServerError(decoding) : formatServerError(decoding, { verb: 'creating', file: m.source }));
        continue;
      }
      if (serverSide) {
        try {
          const result = applyServerSide(object, type, ctx, { manager, force: inv.flags.bool('force-conflicts'), dryRun: dryRun === 'server' });
          if (output) out.stdout += printObjects([result], output, minor);
          else out.out(operationLine(result, 'serverside-applied', dryRun, minor));
        } catch (e) {
          out.exitCode = 1;
          if (isApiError(e) && e.reason === 'Conflict' && e.message.startsWith('Apply failed')) out.err(`error: ${e.message}\n${CONFLICT_ADVICE}`);
          else if (isApiError(e)) out.err(formatServerError(e));
          else throw e;
        }
        continue;
      }
      const modified = withLastApplied(object);
      const name = object.metadata.name ?? '';
      try {
        if (!name) throw new KubectlError(`error when retrieving current configuration of:\nResource: "${type.group ? type.group + '/' : ''}${type.version}, Resource=${type.name}", GroupVersionKind: "${type.group ? type.group + '/' : ''}${type.version}, Kind=${type.kind}"\nName: "", Namespace: "${object.metadata.namespace ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`);
        const live = api.tryGet(type.kind, object.metadata.namespace, name);
        if (!live) {
          const created = dryRun === 'client' ? modified : api.create(record(undefined, modified), { dryRun: dryRun === 'server' });
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
        const result = dryRun === 'client' ? merged : api.update(record(live, merged), { dryRun: dryRun === 'server' });
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

/**
 * `kubectl apply --server-side` for one object: the apply patch, then what kubectl does after it when the object
 * was client-side applied before: keep the last-applied annotation under its own manager, move the client-side
 * manager's fields to the applier, and apply again so fields no longer applied go.
 */
function applyServerSide(object: KubeObject, type: ResourceType, ctx: KubectlContext, options: { manager: string; force: boolean; dryRun: boolean }): KubeObject {
  const api = ctx.sim.api;
  const name = object.metadata.name ?? '';
  const write = (config: KubeObject, manager: string, force: boolean) => {
    const live = api.tryGet(type.kind, config.metadata.namespace, name);
    const result = serverSideApply(live, config, { manager, force, now: ctx.sim.now() });
    return live ? api.update(result, { dryRun: options.dryRun }) : api.create(result, { dryRun: options.dryRun });
  };
  let obj = write(object, options.manager, options.force);
  if (options.manager !== 'kubectl' || options.dryRun) return obj;
  const annotation = obj.metadata.annotations?.[LAST_APPLIED];
  if (annotation === undefined) return obj;
  if (ownersOf(obj, 'Apply', LAST_APPLIED_PATH).length === 0) {
    const meta = { name, namespace: type.namespaced ? object.metadata.namespace : undefined, annotations: { [LAST_APPLIED]: annotation } };
    if (!meta.namespace) delete meta.namespace;
    try {
      obj = write({ apiVersion: object.apiVersion, kind: object.kind, metadata: meta }, 'kubectl-last-applied', false);
    } catch (e) {
      if (!isApiError(e)) throw e;
      return obj;
    }
  }
  const upgraded = upgradeClientSideManagers(obj, [...new Set(ownersOf(obj, 'Update', LAST_APPLIED_PATH))], options.manager);
  if (!upgraded) return obj;
  api.update(withManagedFields(obj, upgraded));
  return write(object, options.manager, options.force);
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
