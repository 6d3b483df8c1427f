// Lesson checks, evaluated on the live simulation: each is a predicate on the store, the events, the kubelets'
// state or the journal of commands — never on printed text.
import type { Event } from '../api/event';
import type { Job } from '../api/job';
import type { KubeObject } from '../api/meta';
import { matchesRequirements, parseLabelSelector } from '../api/selectors';
import type { Simulation } from '../sim/simulation';
import { splitWords } from '../host/shell-words';
import type { Check, Lang, ObjectRef, Text } from './lesson-format';
import { splitFieldPath } from './yaml-lines';

/** What a check reads: the simulation and the command lines run so far. */
export interface CheckSubject {
  sim: Simulation;
  commands: string[];
}

export interface CheckOutcome {
  ok: boolean;
  /** What was seen, for reports (`0 of 2 Jobs`, `not found`). */
  seen?: string;
}

function objectsOf(sim: Simulation, ref: ObjectRef): KubeObject[] {
  const ns = ref.namespace ?? 'default';
  if (ref.name.includes('*')) {
    const re = new RegExp(`^${ref.name.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    return listKind(sim, ref.kind, ns).filter((o) => re.test(o.metadata.name ?? '') && !o.metadata.deletionTimestamp);
  }
  const o = sim.api.tryGet(ref.kind, ns, ref.name);
  return o && !o.metadata.deletionTimestamp ? [o] : [];
}

function listKind(sim: Simulation, kind: string, namespace: string): KubeObject[] {
  try {
    const namespaced = sim.api.resourceType(kind).namespaced;
    return sim.api.list(kind, namespaced ? namespace : undefined);
  } catch {
    return [];
  }
}

/** Reads `path` (`status.succeeded`, `.spec.containers[0].image`) from an object. */
export function fieldAt(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const seg of splitFieldPath(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (actual === undefined || actual === null) return false;
  if (typeof expected !== 'object') return String(actual) === String(expected);
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function normalizeCommand(line: string): string[] {
  try {
    const words = splitWords(line.trim());
    if (words[0] === 'k') words[0] = 'kubectl';
    return words;
  } catch {
    return line.trim().split(/\s+/);
  }
}

/** True if `ran` is the expected command, or starts with it (extra flags are fine). `/re/` is a regular expression. */
export function commandMatches(expected: string, ran: string): boolean {
  const re = /^\/(.+)\/$/.exec(expected.trim());
  if (re) return new RegExp(re[1]!).test(ran);
  const want = normalizeCommand(expected);
  const got = normalizeCommand(ran);
  return want.length <= got.length && want.every((w, i) => w === got[i]);
}

/** The files of each node's filesystem (what hostPath volumes see), read-only: the kubelet's volumes plus the
 * writes already due (src/runtime/volumes.ts applies them lazily). Node name → path without leading `/` → type. */
export function nodeFiles(sim: Simulation): Map<string, Map<string, string>> {
  const state = sim.stateOf('kubelet') as {
    volumes?: Record<string, { entries?: Record<string, { type: string }> }>;
    pending?: { at: number; volume: string; key: string; entry: { type: string } | null }[];
  };
  const out = new Map<string, Map<string, string>>();
  for (const [id, v] of Object.entries(state.volumes ?? {})) {
    const m = /^node\/([^/]+)$/.exec(id);
    if (m) out.set(m[1]!, new Map(Object.entries(v.entries ?? {}).map(([k, e]) => [k, e.type])));
  }
  for (const p of state.pending ?? []) {
    const m = /^node\/([^/]+)$/.exec(p.volume);
    if (!m || p.at > sim.now()) continue;
    const files = out.get(m[1]!) ?? new Map<string, string>();
    out.set(m[1]!, files);
    if (p.entry) files.set(p.key, p.entry.type);
    else files.delete(p.key);
  }
  return out;
}

function globRe(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** Successful requests to a Service, as the traffic simulation counts them (0 when there is none). */
export function serviceRequestCount(sim: Simulation, namespace: string, name: string): number {
  // The traffic controller's generators (src/traffic/traffic-state.ts), read as data so this stays a pure check.
  const generators = (sim.stateOf('traffic') as { generators?: Record<string, { to?: { service?: { namespace: string; name: string } }; ok?: number }> }).generators ?? {};
  let n = 0;
  for (const g of Object.values(generators)) {
    if (g.to?.service?.namespace === namespace && g.to.service.name === name) n += g.ok ?? 0;
  }
  return n;
}

function jobsCreatedBy(sim: Simulation, namespace: string, name: string): number {
  const events = sim.api.list<Event>('Event', namespace).filter((e) => e.involvedObject.kind === 'CronJob' && e.involvedObject.name === name && e.reason === 'SuccessfulCreate');
  const fromEvents = events.reduce((n, e) => n + (e.count ?? 1), 0);
  const owned = sim.api.list<Job>('Job', namespace).filter((j) => j.metadata.ownerReferences?.some((r) => r.kind === 'CronJob' && r.name === name)).length;
  return Math.max(fromEvents, owned);
}

/** Evaluates one check on the live simulation. */
export function evaluateCheck(check: Check, subject: CheckSubject): CheckOutcome {
  const { sim } = subject;
  switch (check.type) {
    case 'exists': {
      const n = objectsOf(sim, check.ref).length;
      return { ok: n > 0, seen: n > 0 ? undefined : 'not found' };
    }
    case 'absent': {
      const n = objectsOf(sim, check.ref).length;
      return { ok: n === 0, seen: n === 0 ? undefined : `${n} still there` };
    }
    case 'field': {
      const values = objectsOf(sim, check.ref).map((o) => fieldAt(o, check.path));
      if (values.length === 0) return { ok: false, seen: 'not found' };
      const size = (v: unknown) => (typeof v === 'number' ? v : Array.isArray(v) ? v.length : NaN);
      const ok = values.some((v) => (check.equals !== undefined ? sameValue(v, check.equals) : size(v) >= (check.atLeast ?? 0)));
      return { ok, seen: ok ? undefined : `${check.path} = ${JSON.stringify(values[0]) ?? 'unset'}` };
    }
    case 'label': {
      const objs = objectsOf(sim, check.ref);
      const ok = objs.some((o) => {
        const v = o.metadata.labels?.[check.key];
        return v !== undefined && (check.value === undefined || v === check.value);
      });
      return { ok, seen: ok ? undefined : objs.length ? 'label not set' : 'not found' };
    }
    case 'count': {
      let objs = listKind(sim, check.kind, check.namespace ?? 'default').filter((o) => !o.metadata.deletionTimestamp);
      if (check.selector) {
        const reqs = parseLabelSelector(check.selector);
        objs = objs.filter((o) => matchesRequirements(o.metadata.labels, reqs));
      }
      const n = objs.length;
      const ok = check.equals !== undefined ? n === check.equals : n >= (check.atLeast ?? 0);
      return { ok, seen: `${n}` };
    }
    case 'jobSucceeded': {
      const job = sim.api.tryGet<Job>('Job', check.namespace ?? 'default', check.name);
      if (!job) return { ok: false, seen: 'not found' };
      const ok = Boolean(job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True'));
      const failed = job.status?.conditions?.some((c) => c.type === 'Failed' && c.status === 'True');
      return { ok, seen: ok ? undefined : failed ? 'failed' : `succeeded ${job.status?.succeeded ?? 0}` };
    }
    case 'cronJobCreated': {
      const n = jobsCreatedBy(sim, check.namespace ?? 'default', check.name);
      return { ok: n >= check.atLeast, seen: `${n}` };
    }
    case 'hostPathFile': {
      const re = globRe(check.glob);
      const dir = check.path.replace(/^\/+|\/+$/g, '');
      let best = 0;
      for (const [node, files] of nodeFiles(sim)) {
        if (check.node !== '*' && node !== check.node) continue;
        let n = 0;
        for (const [key, type] of files) {
          if (type === 'dir' || !key.startsWith(`${dir}/`)) continue;
          const name = key.slice(dir.length + 1);
          if (!name.includes('/') && re.test(name)) n++;
        }
        best = Math.max(best, n);
      }
      return { ok: best >= check.atLeast, seen: `${best}` };
    }
    case 'commandRun': {
      const ok = subject.commands.some((c) => commandMatches(check.command, c));
      return { ok, seen: ok ? undefined : 'not run yet' };
    }
    case 'serviceRequests': {
      const n = serviceRequestCount(sim, check.namespace ?? 'default', check.name);
      return { ok: n >= check.atLeast, seen: `${n}` };
    }
  }
}

function refText(r: ObjectRef, lang: Lang): string {
  if (r.name === '*') return lang === 'fr' ? `un objet ${r.kind}` : `a ${r.kind}`;
  return `${r.kind} ${r.name}`;
}

/** The check in words (its own label if the lesson gives one). */
export function describeCheck(check: Check, lang: Lang): string {
  if (check.label?.[lang]) return check.label[lang]!;
  const fr = lang === 'fr';
  switch (check.type) {
    case 'exists':
      return fr ? `${refText(check.ref, lang)} existe` : `${refText(check.ref, lang)} exists`;
    case 'absent':
      return fr ? `${refText(check.ref, lang)} a été supprimé` : `${refText(check.ref, lang)} is gone`;
    case 'field':
      return `${refText(check.ref, lang)}: ${check.path} ${check.equals !== undefined ? `= ${JSON.stringify(check.equals)}` : `≥ ${check.atLeast}`}`;
    case 'label':
      return fr ? `${refText(check.ref, lang)} porte le label ${check.key}${check.value !== undefined ? `=${check.value}` : ''}` : `${refText(check.ref, lang)} has the label ${check.key}${check.value !== undefined ? `=${check.value}` : ''}`;
    case 'count': {
      const n = check.equals !== undefined ? `${check.equals}` : `≥ ${check.atLeast}`;
      return fr ? `${n} objet(s) ${check.kind}${check.selector ? ` (${check.selector})` : ''}` : `${n} ${check.kind} object(s)${check.selector ? ` (${check.selector})` : ''}`;
    }
    case 'jobSucceeded':
      return fr ? `le Job ${check.name} a réussi (Complete)` : `Job ${check.name} succeeded (Complete)`;
    case 'cronJobCreated':
      return fr ? `le CronJob ${check.name} a créé au moins ${check.atLeast} Job(s)` : `CronJob ${check.name} created at least ${check.atLeast} Job(s)`;
    case 'hostPathFile':
      return fr ? `au moins ${check.atLeast} fichier(s) ${check.glob} dans ${check.path} sur ${check.node === '*' ? 'un nœud' : check.node}` : `at least ${check.atLeast} ${check.glob} file(s) in ${check.path} on ${check.node === '*' ? 'a node' : check.node}`;
    case 'commandRun':
      return fr ? `commande lancée : ${check.command}` : `command run: ${check.command}`;
    case 'serviceRequests':
      return fr ? `au moins ${check.atLeast} requête(s) réussie(s) vers le Service ${check.name}` : `at least ${check.atLeast} successful request(s) to Service ${check.name}`;
  }
}

export type { Text };
