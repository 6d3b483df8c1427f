// `kubectl describe`: finds objects as the resource builder does (TYPE NAME…, TYPE/NAME, -l, -A, -f) and prints
// each with its kind's describer; `describe TYPE PREFIX` falls back to every object whose name starts with PREFIX.
import type { KubeObject } from '../../api/meta';
import { resourceForKind, type ResourceType } from '../../api/resources';
import { parseLabelSelector, matchesRequirements, SelectorParseError, type Requirement } from '../../api/selectors';
import { ApiError, notFound } from '../../apiserver/api-error';
import { Output, type KubectlContext, type KubectlResult } from '../context';
import { formatServerError, KubectlError } from '../errors';
import { readManifests } from '../manifests';
import { parseResourceArgs } from '../resource-args';
import type { DescribeContext } from '../describe/context';
import { describeObject } from '../describe/registry';

export interface DescribeOptions {
  args: string[];
  namespace?: string;
  allNamespaces: boolean;
  selector?: string;
  filenames: string[];
  showEvents: boolean;
}

const NO_TYPE =
  'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n';

function errorText(e: unknown): string {
  if (e instanceof ApiError) return formatServerError(e);
  if (e instanceof KubectlError) return `error: ${e.message}`;
  throw e;
}

export function runDescribe(opts: DescribeOptions, ctx: KubectlContext): KubectlResult {
  const out = new Output();
  const api = ctx.sim.api;
  const minor = ctx.sim.config.minor;
  const namespace = opts.namespace ?? ctx.defaultNamespace;
  const dctx: DescribeContext = { api, now: ctx.sim.now(), minor, showEvents: opts.showEvents };
  if (opts.args.length === 0 && opts.filenames.length === 0) return out.fail(NO_TYPE);

  let selector: Requirement[] | undefined;
  try {
    selector = opts.selector !== undefined ? parseLabelSelector(opts.selector) : undefined;
  } catch (e) {
    if (e instanceof SelectorParseError) return out.fail(`unable to parse requirement: ${e.message}`);
    throw e;
  }

  const objects: KubeObject[] = [];
  const errors: unknown[] = [];
  const getOne = (t: ResourceType, ns: string | undefined, name: string) => {
    const obj = api.tryGet(t.kind, t.namespaced ? ns : undefined, name);
    if (obj) objects.push(obj);
    else errors.push(notFound(t.name, t.group, name));
  };

  try {
    if (opts.filenames.length > 0) {
      for (const m of readManifests(opts.filenames, ctx.files, ctx.stdin)) {
        const t = resourceForKind(m.object.apiVersion, m.object.kind, minor);
        if (!t) {
          errors.push(new KubectlError(`resource mapping not found for name: "${m.object.metadata.name ?? ''}" namespace: "${m.object.metadata.namespace ?? ''}" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`));
          continue;
        }
        getOne(t, m.object.metadata.namespace || namespace, m.object.metadata.name ?? '');
      }
    }
    if (opts.args.length > 0) {
      const selections = parseResourceArgs(opts.args, minor);
      if (selector && selections.some((s) => s.names.length > 0)) throw new KubectlError('name cannot be provided when a selector is specified');
      for (const sel of selections) {
        if (sel.names.length === 0) {
          const listNs = sel.type.namespaced && !opts.allNamespaces ? namespace : undefined;
          let items = api.list(sel.type.kind, listNs);
          if (selector?.length) items = items.filter((o) => matchesRequirements(o.metadata.labels, selector!));
          objects.push(...items);
        } else {
          for (const name of sel.names) getOne(sel.type, namespace, name);
        }
      }
    }
  } catch (e) {
    return out.fail(errorText(e));
  }

  // `describe TYPE PREFIX` with no object of that exact name describes every object whose name starts with PREFIX.
  if (objects.length === 0 && errors.length === 1 && opts.args.length === 2 && !opts.args.some((a) => a.includes('/')) && errors[0] instanceof ApiError && errors[0].reason === 'NotFound') {
    const [typeArg, prefix] = opts.args;
    const [sel] = parseResourceArgs([typeArg], minor);
    if (sel && !typeArg.includes(',')) {
      const matches = api.list(sel.type.kind, sel.type.namespaced ? namespace : undefined).filter((o) => (o.metadata.name ?? '').startsWith(prefix));
      if (matches.length > 0) {
        for (const obj of matches) out.stdout += describeObject(obj, dctx) + '\n';
        return out.result();
      }
    }
  }

  objects.forEach((obj, i) => {
    out.stdout += (i === 0 ? '' : '\n\n') + describeObject(obj, dctx);
  });
  if (objects.length === 0 && errors.length === 0) {
    out.err(opts.allNamespaces ? 'No resources found' : `No resources found in ${namespace} namespace.`);
  }
  for (const e of errors) out.err(errorText(e));
  if (errors.length) out.exitCode = 1;
  return out.result();
}
