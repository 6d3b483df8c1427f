// Tab completion for the console: kubectl verbs, resource kinds, object names and workspace files. Pure.

export const VERBS = [
  'annotate', 'api-resources', 'apply', 'cluster-info', 'cordon', 'create', 'delete', 'describe', 'drain', 'edit', 'exec', 'explain',
  'expose', 'get', 'label', 'logs', 'patch', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];

/** Resource names kubectl accepts, with the Kind each stands for. */
export const RESOURCES: Record<string, string> = {
  pods: 'Pod', pod: 'Pod', po: 'Pod',
  services: 'Service', service: 'Service', svc: 'Service',
  nodes: 'Node', node: 'Node', no: 'Node',
  deployments: 'Deployment', deployment: 'Deployment', deploy: 'Deployment',
  replicasets: 'ReplicaSet', rs: 'ReplicaSet',
  daemonsets: 'DaemonSet', ds: 'DaemonSet',
  jobs: 'Job', job: 'Job',
  cronjobs: 'CronJob', cronjob: 'CronJob', cj: 'CronJob',
  endpoints: 'Endpoints', ep: 'Endpoints',
  endpointslices: 'EndpointSlice',
  events: 'Event', ev: 'Event',
  namespaces: 'Namespace', ns: 'Namespace',
  configmaps: 'ConfigMap', cm: 'ConfigMap',
  serviceaccounts: 'ServiceAccount', sa: 'ServiceAccount',
};

/** What the console offers after `kubectl`, in the order a person reaches for them. */
const KIND_WORDS = ['pods', 'services', 'nodes', 'deployments', 'jobs', 'cronjobs', 'endpoints', 'events', 'namespaces', 'replicasets', 'daemonsets', 'configmaps', 'all'];

/** Verbs whose next word is a resource kind. */
const TAKES_KIND = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'scale', 'patch', 'explain', 'wait', 'expose', 'rollout', 'set']);
const CREATE_SUBCOMMANDS = ['job', 'cronjob', 'deployment', 'service', 'namespace', 'configmap', 'secret'];
const FLAGS = ['-f', '-n', '-o', '-l', '-A', '--all-namespaces', '--image=', '--namespace=', '--selector=', '--watch', '-o wide', '-o yaml', '--dry-run=client', '--replicas='];

export interface CompletionContext {
  /** Names of existing objects by Kind (namespaced ones from the namespace in use). */
  names: (kind: string) => string[];
  files: string[];
}

export interface Completion {
  /** The whole line after completion (unchanged if there was nothing to add). */
  line: string;
  /** The candidates, when more than one fits (to show the person). */
  options: string[];
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

function candidatesFor(words: string[], current: string, ctx: CompletionContext): string[] {
  const [cmd, ...rest] = words;
  if (cmd === undefined) return ['kubectl'];
  if (cmd !== 'kubectl' && cmd !== 'k') return [];
  const previous = rest[rest.length - 1];
  if (previous === '-f' || previous === '--filename') return ctx.files;
  if (previous === '-n' || previous === '--namespace') return ctx.names('Namespace');
  if (current.startsWith('-')) return FLAGS;
  const positional = rest.filter((w, i) => !w.startsWith('-') && !(i > 0 && ['-f', '-n', '-o', '-l', '-c'].includes(rest[i - 1]!)));
  const verb = positional[0];
  if (verb === undefined) return VERBS;
  if (verb === 'create' && positional.length === 1) return CREATE_SUBCOMMANDS;
  if (verb === 'logs' || verb === 'exec') return positional.length === 1 ? ctx.names('Pod') : [];
  if (verb === 'cordon' || verb === 'uncordon' || verb === 'drain' || verb === 'taint') {
    if (positional.length === 1) return verb === 'taint' ? ['nodes'] : ctx.names('Node');
    return verb === 'taint' && positional.length === 2 ? ctx.names('Node') : [];
  }
  if (!TAKES_KIND.has(verb)) return [];
  if (positional.length === 1) return KIND_WORDS;
  const typed = positional[1]!;
  const slash = typed.indexOf('/');
  if (positional.length === 2 && slash < 0) {
    const kind = RESOURCES[typed.toLowerCase()];
    return kind ? ctx.names(kind) : [];
  }
  if (positional.length >= 2) {
    const kind = RESOURCES[(slash < 0 ? typed : typed.slice(0, slash)).toLowerCase()];
    return kind ? ctx.names(kind) : [];
  }
  return [];
}

/** Completes the word under the cursor (the end of the line). */
export function complete(line: string, ctx: CompletionContext): Completion {
  const endsWithSpace = /\s$/.test(line) || line === '';
  const words = line.trim() === '' ? [] : line.trim().split(/\s+/);
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  // `pod/na` completes the name part.
  const slash = current.indexOf('/');
  const head = slash >= 0 ? current.slice(0, slash + 1) : '';
  const partial = slash >= 0 ? current.slice(slash + 1) : current;
  const context = slash >= 0 ? [...words, current.slice(0, slash)] : words;
  const pool = [...new Set(candidatesFor(context, current, ctx))];
  const matches = pool.filter((c) => c.startsWith(partial)).sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
  if (matches.length === 0) return { line, options: [] };
  const base = line.slice(0, line.length - current.length);
  if (matches.length === 1) {
    const word = matches[0]!;
    const spacer = word.endsWith('=') || word.endsWith('/') ? '' : ' ';
    return { line: `${base}${head}${word}${spacer}`, options: [] };
  }
  const prefix = commonPrefix(matches);
  return { line: `${base}${head}${prefix.length > partial.length ? prefix : partial}`, options: matches };
}
