// The objects delete/label/annotate/cordon act on, found as kubectl's resource builder finds them: TYPE NAME…,
// TYPE/NAME…, TYPE with -l or --all, or -f manifests.
import type { KubeObject } from '../../api/meta';
import { resourceForKind, type ResourceType } from '../../api/resources';
import { parseFieldSelector, parseLabelSelector, SelectorParseError } from '../../api/selectors';
import { notFound } from '../../apiserver/api-error';
import type { KubectlContext, Output } from '../context';
import { formatServerError, KubectlError } from '../errors';
import { readManifests } from '../manifests';
import { parseResourceArgs } from '../resource-args';
import { mappingError } from './mapping-error';

export interface SelectOptions {
  args: string[];
  filenames: string[];
  selector?: string;
  fieldSelector?: string;
  all: boolean;
  allNamespaces: boolean;
  namespace: string;
  namespaceSet: boolean;
  /** `deleting`: NotFound from -f reads `error when deleting "pod.yaml": …`. */
  verb?: string;
  ignoreNotFound?: boolean;
}

export interface Selected {
  type: ResourceType;
  object: KubeObject;
  source?: string;
}

function parseSelectors(opts: SelectOptions) {
  try {
    return {
      labels: opts.selector ? parseLabelSelector(opts.selector) : undefined,
      fields: opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined,
    };
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KubectlError(`unable to parse requirement: ${e.message}`);
    throw e;
  }
}

/** What the arguments select; errors for missing objects go to out (exit 1) and the rest are still returned. */
export function selectObjects(opts: SelectOptions, ctx: KubectlContext, out: Output): { selected: Selected[]; namesGiven: boolean } {
  const api = ctx.sim.api;
  const minor = ctx.sim.config.minor;
  const selected: Selected[] = [];
  if (opts.filenames.length) {
    if (opts.args.length) throw new KubectlError(`Unexpected args: [${opts.args.join(' ')}]`);
    for (const m of readManifests(opts.filenames, ctx.files, ctx.stdin)) {
      const t = resourceForKind(m.object.apiVersion, m.object.kind, minor);
      if (!t) {
        out.err(mappingError(m.object, m.source));
        out.exitCode = 1;
        continue;
      }
      const ns = t.namespaced ? m.object.metadata.namespace || opts.namespace : undefined;
      const name = m.object.metadata.name ?? '';
      const live = api.tryGet(t.kind, ns, name);
      if (!live) {
        if (!opts.ignoreNotFound) {
          const e = notFound(t.name, t.group, name);
          out.err(formatServerError(e, opts.verb ? { verb: opts.verb as 'creating', file: m.source } : undefined));
          out.exitCode = 1;
        }
        continue;
      }
      selected.push({ type: t, object: live, source: m.source });
    }
    return { selected, namesGiven: true };
  }
  const resources = parseResourceArgs(opts.args, minor);
  const { labels, fields } = parseSelectors(opts);
  const namesGiven = resources.some((r) => r.names.length > 0);
  if (namesGiven && (opts.selector || opts.all)) throw new KubectlError('name cannot be provided when a selector is specified');
  for (const r of resources) {
    const ns = r.type.namespaced ? (opts.allNamespaces ? undefined : opts.namespace) : undefined;
    if (r.names.length) {
      for (const name of r.names) {
        const obj = api.tryGet(r.type.kind, ns ?? opts.namespace, name);
        if (!obj) {
          if (!opts.ignoreNotFound) {
            out.err(formatServerError(notFound(r.type.name, r.type.group, name)));
            out.exitCode = 1;
          }
          continue;
        }
        selected.push({ type: r.type, object: obj });
      }
      continue;
    }
    for (const obj of api.list(r.type.kind, ns, { labelSelector: labels, fieldSelector: fields })) selected.push({ type: r.type, object: obj });
  }
  return { selected, namesGiven };
}
