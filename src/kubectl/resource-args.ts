// What `kubectl VERB TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…` selects, resolved as kubectl's resource builder does.
import { preferredResources, resolveResource, type ResourceType } from '../api/resources';
import { KubectlError } from './errors';

export interface ResourceSelection {
  type: ResourceType;
  /** Names asked for; empty means "all of this type" (subject to selectors). */
  names: string[];
}

/** `pods`, `deployment.apps`, `cronjob.batch`: how kubectl names a type when it prefixes object names. */
export function qualifiedKind(t: ResourceType): string {
  return t.group ? `${t.kind.toLowerCase()}.${t.group}` : t.kind.toLowerCase();
}

export function resolveTypeOrThrow(input: string, minor: number): ResourceType[] {
  if (input === 'all') return preferredResources(minor).filter((t) => t.categories?.includes('all'));
  const t = resolveResource(input, minor);
  if (!t) throw new KubectlError(`the server doesn't have a resource type "${input}"`);
  return [t];
}

/**
 * Parses the positional arguments of get/describe/delete/label…
 * `pods`, `pods web db`, `pods,svc`, `pod/web svc/db`.
 */
export function parseResourceArgs(args: string[], minor: number): ResourceSelection[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceSelection[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const typeName = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      const [t] = resolveTypeOrThrow(typeName, minor);
      const existing = out.find((s) => s.type === t);
      if (existing) existing.names.push(name);
      else out.push({ type: t, names: [name] });
    }
    return out;
  }
  const [typeArg, ...names] = args;
  const types = typeArg
    .split(',')
    .filter((s) => s !== '')
    .flatMap((s) => resolveTypeOrThrow(s, minor));
  if (names.length > 0 && types.length > 1 && typeArg.includes(',')) {
    // kubectl allows `get pods,svc name`: the name applies to each type.
  }
  const unique: ResourceType[] = [];
  for (const t of types) if (!unique.includes(t)) unique.push(t);
  return unique.map((type) => ({ type, names: [...names] }));
}
