// kubectl api-resources and kubectl api-versions, from the resources this cluster version serves.
import { groupVersion, preferredResources, servedResources } from '../../api/resources';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, sliceFlag, stringFlag } from '../flags';
import { formatTabs } from '../printers/tabwriter';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';

function runApiResources(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const f = inv.flags;
    const output = f.string('output', '');
    if (output && output !== 'wide' && output !== 'name') throw new KubectlError(`--output ${output} is not available`);
    let types = preferredResources(ctx.sim.config.minor);
    if (f.has('namespaced')) types = types.filter((t) => t.namespaced === f.bool('namespaced'));
    if (f.has('api-group')) types = types.filter((t) => t.group === f.string('api-group'));
    const verbs = f.list('verbs');
    if (verbs.length) types = types.filter((t) => verbs.every((v) => t.verbs.includes(v)));
    const categories = f.list('categories');
    if (categories.length) types = types.filter((t) => categories.every((c) => t.categories?.includes(c)));
    if (f.string('sort-by') === 'kind') types = [...types].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    else if (f.string('sort-by') === 'name') types = [...types].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (output === 'name') {
      for (const t of types) out.out(t.group ? `${t.name}.${t.group}` : t.name);
      return;
    }
    const wide = output === 'wide';
    let text = '';
    if (!f.bool('no-headers')) text += `NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`;
    for (const t of types) {
      text += `${t.name}\t${t.shortNames.join(',')}\t${groupVersion(t)}\t${t.namespaced}\t${t.kind}`;
      if (wide) text += `\t[${t.verbs.join(' ')}]\t${(t.categories ?? []).join(',')}`;
      text += '\n';
    }
    out.stdout += formatTabs(text);
  });
}

function runApiVersions(_inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const versions = [...new Set(servedResources(ctx.sim.config.minor).map(groupVersion))].sort();
    for (const v of versions) out.out(v);
  });
}

export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  group: 'Other Commands',
  flags: [
    stringFlag('api-group'),
    boolFlag('cached'),
    sliceFlag('categories'),
    boolFlag('namespaced'),
    boolFlag('no-headers'),
    stringFlag('output', 'o'),
    stringFlag('sort-by'),
    sliceFlag('verbs'),
  ],
  run: runApiResources,
};

export const apiVersionsCommand: CommandDef = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  group: 'Other Commands',
  run: runApiVersions,
};
