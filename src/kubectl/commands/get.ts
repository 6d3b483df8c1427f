// `kubectl get`: resolves what was asked for (types, names, -f files, selectors), asks the API server for it and
// prints server-side tables — or yaml/json/name/jsonpath/custom-columns — as kubectl 1.32 does.
import type { KubeObject } from '../../api/meta';
import { resourceForKind, type ResourceType } from '../../api/resources';
import { parseFieldSelector, parseLabelSelector, SelectorParseError, SELECTABLE_FIELDS } from '../../api/selectors';
import { notFound } from '../../apiserver/api-error';
import type { KubectlContext, KubectlResult } from '../context';
import { Output } from '../context';
import { formatServerError, isApiError, KubectlError } from '../errors';
import { readManifests } from '../manifests';
import { qualifiedKind, resolveTypeOrThrow } from '../resource-args';
import { buildTable } from '../printers/tables';
import { tableLines } from '../printers/table';
import { formatTabs } from '../printers/tabwriter';
import { parseOutputFormat, printFormatted, type OutputFormat } from '../printers/output';
import { omitManagedFields } from '../../apiserver/managed-fields';
import { sortByField, SortError } from '../printers/sort-by';

export interface GetOptions {
  args: string[];
  namespace?: string;
  allNamespaces: boolean;
  output?: string;
  selector?: string;
  fieldSelector?: string;
  showLabels: boolean;
  noHeaders: boolean;
  sortBy?: string;
  labelColumns: string[];
  showKind: boolean;
  filenames: string[];
  ignoreNotFound: boolean;
  watch: boolean;
  chunkSize?: number;
  /** --show-managed-fields: keep metadata.managedFields in -o yaml|json (kubectl omits them otherwise). */
  showManagedFields?: boolean;
}

/** One response kubectl's resource builder gets back: a list of a type, or one named object. */
interface Info {
  type: ResourceType;
  objects: KubeObject[];
  /** A list (sorted as a whole by --sort-by) rather than a single named object. */
  isList: boolean;
}

/** What was asked for, in the order kubectl's builder visits it. */
interface Request {
  type: ResourceType;
  /** Undefined: list everything of the type (subject to selectors). */
  name?: string;
  namespace?: string;
}

const NO_TYPE_MESSAGE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples\n";

export function runGet(opts: GetOptions, ctx: KubectlContext): KubectlResult {
  const out = new Output();
  try {
    return get(opts, ctx, out);
  } catch (e) {
    if (e instanceof KubectlError) return out.fail(e.message, e.exitCode);
    if (isApiError(e)) return out.fail(formatServerError(e));
    throw e;
  }
}

function get(opts: GetOptions, ctx: KubectlContext, out: Output): KubectlResult {
  const minor = ctx.sim.config.minor;
  if (!opts.watch && opts.args.length === 0 && opts.filenames.length === 0) {
    out.stderr += NO_TYPE_MESSAGE;
    out.exitCode = 1;
    return out.result();
  }
  if (opts.showLabels && opts.output && opts.output !== 'wide') {
    throw new KubectlError(`--show-labels option cannot be used with ${opts.output} printer`);
  }
  const format = parseOutputFormat(opts.output, ctx.files);
  const namespace = opts.namespace ?? ctx.defaultNamespace;
  const requests = opts.filenames.length ? fileRequests(opts, ctx, namespace) : argRequests(opts.args, minor);
  if ((opts.selector || opts.fieldSelector) && requests.some((r) => r.name !== undefined) && opts.filenames.length === 0) {
    throw new KubectlError('name cannot be provided when a selector is specified');
  }
  const labelSelector = parseSelectorOrThrow(() => parseLabelSelector(opts.selector ?? ''));
  const fieldSelector = parseSelectorOrThrow(() => parseFieldSelector(opts.fieldSelector ?? ''));

  const infos: Info[] = [];
  const errors: string[] = [];
  for (const req of requests) {
    const ns = req.type.namespaced ? (opts.allNamespaces && req.name === undefined ? undefined : req.namespace ?? namespace) : undefined;
    if (req.name === undefined) {
      for (const f of fieldSelector) checkFieldSelector(req.type, f.field, opts);
      const objects = ctx.sim.api.list(req.type.kind, ns, { labelSelector, fieldSelector });
      infos.push({ type: req.type, objects: objects.map((o) => withTypeMeta(o, req.type)), isList: true });
      continue;
    }
    const obj = ctx.sim.api.tryGet(req.type.kind, ns, req.name);
    if (!obj) {
      if (!opts.ignoreNotFound) errors.push(formatServerError(notFound(req.type.name, req.type.group, req.name)));
      continue;
    }
    infos.push({ type: req.type, objects: [withTypeMeta(obj, req.type)], isList: false });
  }

  if (format.kind === 'table') printTables(infos, format.wide, opts, ctx, namespace, out, errors.length > 0);
  else printGeneric(infos, requests, format, opts, ctx, out);

  for (const e of errors) out.err(e);
  if (errors.length) out.exitCode = 1;
  return out.result();
}

function parseSelectorOrThrow<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KubectlError(`unable to parse requirement: ${e.message}`);
    throw e;
  }
}

/** The API server refuses field selectors on fields a kind does not index. */
function checkFieldSelector(type: ResourceType, field: string, opts: GetOptions): void {
  const allowed = SELECTABLE_FIELDS[type.kind] ?? ['metadata.name', 'metadata.namespace'];
  if (allowed.includes(field)) return;
  const gvr = `${type.group}/${type.version}, Resource=${type.name}`;
  throw new KubectlError(
    `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${opts.selector ?? ''}", field selector "${opts.fieldSelector ?? ''}": field label not supported: ${field}`,
  );
}

/** Objects come back with the apiVersion of the version asked for. */
function withTypeMeta(obj: KubeObject, type: ResourceType): KubeObject {
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  if (obj.apiVersion === apiVersion && obj.kind === type.kind) return obj;
  return { ...obj, apiVersion, kind: type.kind };
}

/** `pods`, `pods web db`, `pods,svc`, `pod/web svc/db`, `all`. */
function argRequests(args: string[], minor: number): Request[] {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    return args.map((a) => {
      const i = a.indexOf('/');
      const name = a.slice(i + 1);
      if (!name) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      const [type] = resolveTypeOrThrow(a.slice(0, i), minor);
      return { type, name };
    });
  }
  const [typeArg, ...names] = args;
  const types: ResourceType[] = [];
  for (const part of typeArg.split(',')) {
    if (part === '') continue;
    for (const t of resolveTypeOrThrow(part, minor)) if (!types.includes(t)) types.push(t);
  }
  if (types.length === 0) throw new KubectlError(`resource(s) were provided, but no name was specified`);
  if (names.length === 0) return types.map((type) => ({ type }));
  return types.flatMap((type) => names.map((name) => ({ type, name })));
}

/** `-f FILE`: the objects the manifests name, looked up on the server. */
function fileRequests(opts: GetOptions, ctx: KubectlContext, namespace: string): Request[] {
  const minor = ctx.sim.config.minor;
  return readManifests(opts.filenames, ctx.files, ctx.stdin).map(({ object }) => {
    const type = resourceForKind(object.apiVersion, object.kind, minor);
    if (!type) {
      throw new KubectlError(`resource mapping not found for name: "${object.metadata.name ?? ''}" namespace: "${object.metadata.namespace ?? ''}" from "${opts.filenames[0]}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`);
    }
    return { type, name: object.metadata.name ?? '', namespace: object.metadata.namespace ?? namespace };
  });
}

function printTables(infos: Info[], wide: boolean, opts: GetOptions, ctx: KubectlContext, namespace: string, out: Output, hadErrors: boolean): void {
  const printCtx = { now: ctx.sim.now(), minor: ctx.sim.config.minor, wide };
  const withKind = infos.some((i) => i.type !== infos[0].type) || opts.showKind;
  let written = false;
  let allNamespaced = !opts.allNamespaces;
  let group: Info[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const type = group[0].type;
    let text = '';
    let headersDone = false;
    for (const info of group) {
      let table = buildTable(type.kind, info.objects, printCtx);
      if (opts.sortBy && info.isList && table.rows.length) table = { ...table, rows: sortOrThrow(table.rows, opts.sortBy, (r) => r.object) };
      text += tableLines(table, {
        wide,
        noHeaders: opts.noHeaders || headersDone,
        withNamespace: opts.allNamespaces && type.namespaced,
        kindPrefix: withKind ? qualifiedKind(type) : undefined,
        showLabels: opts.showLabels,
        labelColumns: opts.labelColumns,
      });
      if (table.rows.length) headersDone = true;
    }
    if (text) {
      // A blank line separates the tables of different types.
      if (written && !opts.noHeaders) out.stdout += '\n';
      out.stdout += formatTabs(text);
      written = true;
    }
    group = [];
  };
  for (const info of infos) {
    allNamespaced = allNamespaced && info.type.namespaced;
    if (group.length && group[0].type !== info.type) flush();
    group.push(info);
  }
  flush();
  if (!written && !opts.ignoreNotFound && !hadErrors) {
    out.err(allNamespaced ? `No resources found in ${namespace} namespace.` : 'No resources found');
  }
}

function sortOrThrow<T>(items: T[], field: string, object: (item: T) => unknown): T[] {
  try {
    return sortByField(items, field, object);
  } catch (e) {
    if (e instanceof SortError) throw new KubectlError(e.message);
    throw e;
  }
}

function printGeneric(infos: Info[], requests: Request[], format: OutputFormat, opts: GetOptions, ctx: KubectlContext, out: Output): void {
  let objects = infos.flatMap((i) => i.objects);
  const singleItemImplied = opts.filenames.length === 0 ? requests.length === 1 && requests[0].name !== undefined : opts.filenames.length === 1;
  if (singleItemImplied && objects.length === 0) return;
  if (objects.length === 0 && opts.ignoreNotFound) return;
  if (opts.sortBy && objects.length > 1) objects = sortOrThrow(objects, opts.sortBy, (o) => o);
  if (!opts.showManagedFields && (format.kind === 'yaml' || format.kind === 'json')) objects = omitManagedFields(objects);
  out.stdout += printFormatted(objects, format, { singleItemImplied, noHeaders: opts.noHeaders, files: ctx.files });
}
