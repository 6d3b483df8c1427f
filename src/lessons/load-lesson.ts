// Reads a lesson file (YAML) into a Lesson, or throws LessonFormatError naming the file, the line and the reason.
import { load, YAMLException } from 'js-yaml';
import { parseDuration } from '../sim/duration';
import { SUPPORTED_MINORS } from '../sim/cluster-config';
import { KNOWN_CAPABILITIES } from './capability-names';
import { LessonFormatError, type Action, type Check, type CheckSpec, type Hint, type Lang, type Lesson, type LessonStep, type ObjectRef, type Question, type ShowSpec, type StartingCluster, type Text } from './lesson-format';
import { lineOfPath } from './yaml-lines';

/** Reads a file next to the lesson (`from: files/mongo-pod.yaml`); undefined if it is not there. */
export type LessonFileReader = (relativePath: string) => string | undefined;

type Path = (string | number)[];
type Dict = Record<string, unknown>;

const CHECK_TYPES = ['exists', 'absent', 'field', 'label', 'count', 'jobSucceeded', 'cronJobCreated', 'hostPathFile', 'commandRun', 'serviceRequests'] as const;
const VIEWS = ['cluster', 'city', 'mall', 'park'];
const LANGS: Lang[] = ['fr', 'en'];

class Reader {
  constructor(
    readonly source: string,
    readonly file: string,
  ) {}

  fail(path: Path, reason: string): never {
    throw new LessonFormatError(this.file, lineOfPath(this.source, path), reason);
  }

  dict(value: unknown, path: Path, what: string): Dict {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(path, `${what} must be a mapping (key: value)`);
    return value as Dict;
  }

  list(value: unknown, path: Path, what: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(path, `${what} must be a list (lines starting with "- ")`);
    return value;
  }

  string(value: unknown, path: Path, what: string): string {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, `${what} must be a non-empty text`);
    return value;
  }

  onlyKeys(d: Dict, path: Path, allowed: string[], what: string): void {
    for (const k of Object.keys(d)) {
      if (!allowed.includes(k)) this.fail([...path, k], `unknown field "${k}" in ${what} (expected one of: ${allowed.join(', ')})`);
    }
  }

  text(value: unknown, path: Path, what: string, langs: Lang[]): Text {
    if (typeof value === 'string') return { [langs[0] ?? 'en']: value };
    const d = this.dict(value, path, what);
    this.onlyKeys(d, path, LANGS, what);
    const out: Text = {};
    for (const l of LANGS) if (d[l] !== undefined) out[l] = this.string(d[l], [...path, l], `${what} (${l})`);
    const missing = langs.filter((l) => out[l] === undefined);
    if (missing.length) this.fail(path, `${what} has no ${missing.join(', ')} text (the lesson's languages are ${langs.join(', ')})`);
    return out;
  }

  duration(value: unknown, path: Path, what: string): number {
    if (typeof value === 'number' && value >= 0) return value * 1000;
    const ms = typeof value === 'string' ? parseDuration(value) : undefined;
    if (ms === undefined) this.fail(path, `${what} "${String(value)}" is not a duration (e.g. 30s, 5m, 1h)`);
    return ms;
  }

  count(value: unknown, path: Path, what: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) this.fail(path, `${what} must be a whole number ≥ 0`);
    return value;
  }
}

function objectRef(r: Reader, value: unknown, path: Path, namespace: unknown): ObjectRef {
  const s = r.string(value, path, 'an object');
  const m = /^([A-Z][A-Za-z]*)\/([a-z0-9*][a-z0-9.*-]*)$/.exec(s.trim());
  if (!m) r.fail(path, `"${s}" is not an object reference: write Kind/name (e.g. Job/myjob1, Node/*)`);
  return { kind: m[1]!, name: m[2]!, ...(namespace !== undefined ? { namespace: r.string(namespace, path, 'namespace') } : {}) };
}

function readCheck(r: Reader, value: unknown, path: Path, langs: Lang[]): Check {
  const d = r.dict(value, path, 'a check');
  const types = CHECK_TYPES.filter((t) => t in d);
  if (types.length > 1) r.fail(path, `a check has one type, this one has ${types.join(' and ')}`);
  const type = types[0];
  if (!type) r.fail(path, `a check needs one of: ${CHECK_TYPES.join(', ')}`);
  const line = lineOfPath(r.source, path);
  const label = d.text !== undefined ? r.text(d.text, [...path, 'text'], 'the wording of a check', langs) : undefined;
  const p = [...path, type];
  const v = d[type];
  const common = ['text', 'namespace'];
  let spec: CheckSpec;
  switch (type) {
    case 'exists':
    case 'absent':
      r.onlyKeys(d, path, [type, ...common], `a ${type} check`);
      spec = { type, ref: objectRef(r, v, p, d.namespace) };
      break;
    case 'field': {
      r.onlyKeys(d, path, [type, 'path', 'equals', 'atLeast', ...common], 'a field check');
      if (d.equals === undefined && d.atLeast === undefined) r.fail(path, 'a field check needs equals or atLeast');
      spec = { type, ref: objectRef(r, v, p, d.namespace), path: r.string(d.path, [...path, 'path'], 'path'), equals: d.equals, atLeast: d.atLeast === undefined ? undefined : r.count(d.atLeast, [...path, 'atLeast'], 'atLeast') };
      break;
    }
    case 'label':
      r.onlyKeys(d, path, [type, 'key', 'value', ...common], 'a label check');
      spec = { type, ref: objectRef(r, v, p, d.namespace), key: r.string(d.key, [...path, 'key'], 'key'), value: d.value === undefined ? undefined : r.string(d.value, [...path, 'value'], 'value') };
      break;
    case 'count':
      r.onlyKeys(d, path, [type, 'selector', 'equals', 'atLeast', ...common], 'a count check');
      if (d.equals === undefined && d.atLeast === undefined) r.fail(path, 'a count check needs equals or atLeast');
      spec = {
        type,
        kind: r.string(v, p, 'count (a Kind)'),
        namespace: d.namespace === undefined ? undefined : r.string(d.namespace, [...path, 'namespace'], 'namespace'),
        selector: d.selector === undefined ? undefined : r.string(d.selector, [...path, 'selector'], 'selector'),
        equals: d.equals === undefined ? undefined : r.count(d.equals, [...path, 'equals'], 'equals'),
        atLeast: d.atLeast === undefined ? undefined : r.count(d.atLeast, [...path, 'atLeast'], 'atLeast'),
      };
      break;
    case 'jobSucceeded':
      r.onlyKeys(d, path, [type, ...common], 'a jobSucceeded check');
      spec = { type, name: r.string(v, p, 'jobSucceeded (a Job name)') };
      break;
    case 'cronJobCreated':
      r.onlyKeys(d, path, [type, 'atLeast', ...common], 'a cronJobCreated check');
      spec = { type, name: r.string(v, p, 'cronJobCreated (a CronJob name)'), atLeast: d.atLeast === undefined ? 1 : r.count(d.atLeast, [...path, 'atLeast'], 'atLeast') };
      break;
    case 'hostPathFile': {
      r.onlyKeys(d, path, [type, 'node', 'glob', 'atLeast', 'text'], 'a hostPathFile check');
      const dir = r.string(v, p, 'hostPathFile (a directory on the node)');
      if (!dir.startsWith('/')) r.fail(p, `hostPathFile "${dir}" must be an absolute path`);
      spec = { type, path: dir, node: d.node === undefined ? '*' : r.string(d.node, [...path, 'node'], 'node'), glob: d.glob === undefined ? '*' : r.string(d.glob, [...path, 'glob'], 'glob'), atLeast: d.atLeast === undefined ? 1 : r.count(d.atLeast, [...path, 'atLeast'], 'atLeast') };
      break;
    }
    case 'commandRun':
      r.onlyKeys(d, path, [type, 'text'], 'a commandRun check');
      spec = { type, command: r.string(v, p, 'commandRun (a command line)') };
      break;
    case 'serviceRequests':
      r.onlyKeys(d, path, [type, 'atLeast', ...common], 'a serviceRequests check');
      spec = { type, name: r.string(v, p, 'serviceRequests (a Service name)'), atLeast: d.atLeast === undefined ? 1 : r.count(d.atLeast, [...path, 'atLeast'], 'atLeast') };
      break;
  }
  if ('namespace' in spec || type === 'jobSucceeded' || type === 'cronJobCreated' || type === 'serviceRequests') {
    if (d.namespace !== undefined && !('ref' in spec)) (spec as { namespace?: string }).namespace = r.string(d.namespace, [...path, 'namespace'], 'namespace');
  }
  return { ...spec, line, ...(label ? { label } : {}) };
}

function readAction(r: Reader, value: unknown, path: Path, files: Set<string>): Action {
  if (typeof value === 'string') return { run: value };
  const d = r.dict(value, path, 'an action');
  const keys = Object.keys(d);
  if ('run' in d) {
    r.onlyKeys(d, path, ['run', 'stdin'], 'a run action');
    return { run: r.string(d.run, [...path, 'run'], 'run'), ...(d.stdin !== undefined ? { stdin: r.string(d.stdin, [...path, 'stdin'], 'stdin') } : {}) };
  }
  if ('advance' in d) {
    r.onlyKeys(d, path, ['advance'], 'an advance action');
    return { advance: r.duration(d.advance, [...path, 'advance'], 'advance') };
  }
  if ('write' in d) {
    r.onlyKeys(d, path, ['write', 'text'], 'a write action');
    const name = r.string(d.write, [...path, 'write'], 'write (a file name)');
    if (typeof d.text !== 'string') r.fail(path, 'a write action needs text');
    files.add(name);
    return { write: { name, text: d.text } };
  }
  if ('act' in d) {
    r.onlyKeys(d, path, ['act'], 'an act action');
    const act = r.dict(d.act, [...path, 'act'], 'act');
    if (typeof act.type !== 'string') r.fail([...path, 'act'], 'act needs a type (start-traffic, stop-node, …)');
    return { act: act as Record<string, unknown> & { type: string } };
  }
  if ('open' in d) {
    r.onlyKeys(d, path, ['open'], 'an open action');
    return { open: r.string(d.open, [...path, 'open'], 'open (a file name)') };
  }
  r.fail(path, `unknown action (${keys.join(', ') || 'empty'}): use run, advance, write, open or act`);
}

function readRequires(r: Reader, value: unknown, path: Path): string[] {
  const list = r.list(value, path, 'requires');
  return list.map((c, i) => {
    const name = r.string(c, [...path, i], 'a capability');
    if (!KNOWN_CAPABILITIES.includes(name)) r.fail([...path, i], `unknown capability "${name}" (known: ${KNOWN_CAPABILITIES.join(', ')})`);
    return name;
  });
}

function readShow(r: Reader, value: unknown, path: Path): ShowSpec | undefined {
  if (value === undefined) return undefined;
  const d = r.dict(value, path, 'show');
  r.onlyKeys(d, path, ['view', 'focus', 'speed'], 'show');
  const show: ShowSpec = {};
  if (d.view !== undefined) {
    show.view = r.string(d.view, [...path, 'view'], 'view');
    if (!VIEWS.includes(show.view)) r.fail([...path, 'view'], `unknown view "${show.view}" (known: ${VIEWS.join(', ')})`);
  }
  if (d.focus !== undefined) {
    const focus = typeof d.focus === 'string' ? [d.focus] : r.list(d.focus, [...path, 'focus'], 'focus');
    show.focus = focus.map((f, i) => objectRef(r, f, [...path, 'focus', i], undefined));
  }
  if (d.speed !== undefined) {
    if (typeof d.speed !== 'number' || d.speed <= 0) r.fail([...path, 'speed'], 'speed must be a positive number (simulated seconds per second)');
    show.speed = d.speed;
  }
  return show;
}

function readQuestion(r: Reader, value: unknown, path: Path, langs: Lang[]): Question | undefined {
  if (value === undefined) return undefined;
  const d = r.dict(value, path, 'question');
  r.onlyKeys(d, path, ['text', 'choices', 'answer', 'explain'], 'question');
  const choices = d.choices === undefined ? undefined : r.list(d.choices, [...path, 'choices'], 'choices').map((c, i) => r.string(c, [...path, 'choices', i], 'a choice'));
  const answer = r.string(d.answer, [...path, 'answer'], 'answer');
  if (choices && !choices.includes(answer)) r.fail([...path, 'answer'], `the answer "${answer}" is not one of the choices`);
  return { text: r.text(d.text, [...path, 'text'], 'question text', langs), choices, answer, explain: d.explain === undefined ? undefined : r.text(d.explain, [...path, 'explain'], 'question explain', langs) };
}

function readStep(r: Reader, value: unknown, path: Path, langs: Lang[], files: Set<string>, ids: Set<string>): LessonStep {
  const d = r.dict(value, path, 'a step');
  r.onlyKeys(d, path, ['id', 'title', 'text', 'show', 'actions', 'checks', 'hints', 'solution', 'explain', 'question', 'requires'], 'a step');
  const id = r.string(d.id, [...path, 'id'], 'the step id');
  if (ids.has(id)) r.fail([...path, 'id'], `two steps have the id "${id}"`);
  ids.add(id);
  const hints: Hint[] = r.list(d.hints, [...path, 'hints'], 'hints').map((h, i) => {
    const hp = [...path, 'hints', i];
    if (typeof h === 'string' || (h && typeof h === 'object' && !('text' in (h as Dict)))) return { text: r.text(h, hp, 'a hint', langs) };
    const hd = r.dict(h, hp, 'a hint');
    r.onlyKeys(hd, hp, ['after', 'text'], 'a hint');
    return { afterMs: hd.after === undefined ? undefined : r.duration(hd.after, [...hp, 'after'], 'after'), text: r.text(hd.text, [...hp, 'text'], 'a hint', langs) };
  });
  const step: LessonStep = {
    id,
    title: r.text(d.title, [...path, 'title'], 'the step title', langs),
    text: r.text(d.text, [...path, 'text'], 'the step text', langs),
    show: readShow(r, d.show, [...path, 'show']),
    actions: r.list(d.actions, [...path, 'actions'], 'actions').map((a, i) => readAction(r, a, [...path, 'actions', i], files)),
    checks: r.list(d.checks, [...path, 'checks'], 'checks').map((c, i) => readCheck(r, c, [...path, 'checks', i], langs)),
    hints,
    solution: r.list(d.solution, [...path, 'solution'], 'solution').map((a, i) => readAction(r, a, [...path, 'solution', i], files)),
    explain: d.explain === undefined ? undefined : r.text(d.explain, [...path, 'explain'], 'explain', langs),
    question: readQuestion(r, d.question, [...path, 'question'], langs),
    requires: readRequires(r, d.requires, [...path, 'requires']),
  };
  for (const [i, a] of [...step.actions, ...step.solution].entries()) {
    if ('open' in a && !files.has(a.open)) r.fail([...path, i < step.actions.length ? 'actions' : 'solution'], `"open: ${a.open}" names no file of the lesson`);
  }
  return step;
}

function readCluster(r: Reader, value: unknown, path: Path): StartingCluster {
  const d = value === undefined ? {} : r.dict(value, path, 'cluster');
  r.onlyKeys(d, path, ['nodes', 'seed', 'start', 'cloudProvider', 'labels', 'objects', 'kubernetes'], 'cluster');
  const workers = d.nodes === undefined ? 2 : r.count(d.nodes, [...path, 'nodes'], 'nodes');
  if (workers < 1 || workers > 50) r.fail([...path, 'nodes'], 'nodes (workers) must be from 1 to 50');
  const start = d.start === undefined ? '2026-01-05T09:00:00Z' : d.start instanceof Date ? d.start.toISOString() : r.string(d.start, [...path, 'start'], 'start');
  if (Number.isNaN(Date.parse(start))) r.fail([...path, 'start'], `start "${start}" is not an ISO-8601 time (e.g. 2026-01-05T09:00:00Z)`);
  const cloud = d.cloudProvider === undefined ? 'simulated' : d.cloudProvider === true ? 'simulated' : d.cloudProvider === false ? 'none' : r.string(d.cloudProvider, [...path, 'cloudProvider'], 'cloudProvider');
  if (cloud !== 'simulated' && cloud !== 'none') r.fail([...path, 'cloudProvider'], 'cloudProvider is "simulated" or "none" (or true/false)');
  const labels: Record<string, Record<string, string>> = {};
  if (d.labels !== undefined) {
    const ld = r.dict(d.labels, [...path, 'labels'], 'labels');
    for (const [node, l] of Object.entries(ld)) {
      const nd = r.dict(l, [...path, 'labels', node], `the labels of ${node}`);
      labels[node] = Object.fromEntries(Object.entries(nd).map(([k, v]) => [k, r.string(v, [...path, 'labels', node, k], 'a label value')]));
    }
  }
  const seed = d.seed === undefined ? 1 : r.count(d.seed, [...path, 'seed'], 'seed');
  return { workers, seed, start: new Date(Date.parse(start)).toISOString(), cloudProvider: cloud, minor: 32, labels, objects: d.objects === undefined ? undefined : r.string(d.objects, [...path, 'objects'], 'objects') };
}

/** Parses and checks a lesson file. `readFile` resolves `files: - from:` paths next to it. */
export function loadLesson(text: string, file: string, readFile: LessonFileReader = () => undefined): Lesson {
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    if (e instanceof YAMLException) throw new LessonFormatError(file, (e.mark?.line ?? 0) + 1, `YAML syntax: ${e.reason}`);
    throw e;
  }
  const r = new Reader(text, file);
  const d = r.dict(doc, [], 'a lesson');
  r.onlyKeys(d, [], ['name', 'order', 'title', 'summary', 'languages', 'kubernetes', 'view', 'cluster', 'files', 'steps', 'requires'], 'a lesson');
  const name = r.string(d.name, ['name'], 'name');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) r.fail(['name'], `name "${name}" must be lowercase letters, digits and dashes (it is typed in \`kubeville lesson check NAME\`)`);
  const langs: Lang[] = d.languages === undefined ? ['fr', 'en'] : r.list(d.languages, ['languages'], 'languages').map((l, i): Lang => {
    if (l !== 'fr' && l !== 'en') return r.fail(['languages', i], `language "${String(l)}" is not supported (fr, en)`);
    return l;
  });
  if (langs.length === 0) r.fail(['languages'], 'a lesson needs at least one language');
  const cluster = readCluster(r, d.cluster, ['cluster']);
  if (d.kubernetes !== undefined) {
    const m = /^v?1\.(\d+)$/.exec(String(d.kubernetes));
    if (!m) return r.fail(['kubernetes'], `kubernetes "${String(d.kubernetes)}" is not a version like "1.32" (quote it in YAML)`);
    const minor = Number(m[1]);
    if (minor < SUPPORTED_MINORS.min || minor > SUPPORTED_MINORS.max) r.fail(['kubernetes'], `Kubernetes 1.${minor} is not simulated (1.${SUPPORTED_MINORS.min} to 1.${SUPPORTED_MINORS.max})`);
    cluster.minor = minor;
  }
  const files = r.list(d.files, ['files'], 'files').map((f, i) => {
    const fd = r.dict(f, ['files', i], 'a file');
    r.onlyKeys(fd, ['files', i], ['name', 'from', 'text'], 'a file');
    const from = fd.from === undefined ? undefined : r.string(fd.from, ['files', i, 'from'], 'from');
    const fname = fd.name === undefined && from ? from.slice(from.lastIndexOf('/') + 1) : r.string(fd.name, ['files', i, 'name'], 'the file name');
    if (from !== undefined) {
      const content = readFile(from);
      if (content === undefined) return r.fail(['files', i, 'from'], `the file "${from}" was not found next to the lesson`);
      return { name: fname, text: content };
    }
    if (typeof fd.text !== 'string') return r.fail(['files', i], 'a file needs from (a path next to the lesson) or text');
    return { name: fname, text: fd.text };
  });
  const fileNames = new Set(files.map((f) => f.name));
  const ids = new Set<string>();
  const stepsRaw = r.list(d.steps, ['steps'], 'steps');
  if (stepsRaw.length === 0) r.fail(['steps'], 'a lesson needs at least one step');
  const steps = stepsRaw.map((s, i) => readStep(r, s, ['steps', i], langs, fileNames, ids));
  const view = d.view === undefined ? 'cluster' : r.string(d.view, ['view'], 'view');
  if (!VIEWS.includes(view)) r.fail(['view'], `unknown view "${view}" (known: ${VIEWS.join(', ')})`);
  return {
    name,
    order: d.order === undefined ? 1000 : r.count(d.order, ['order'], 'order'),
    title: r.text(d.title, ['title'], 'title', langs),
    summary: d.summary === undefined ? undefined : r.text(d.summary, ['summary'], 'summary', langs),
    languages: langs,
    view,
    cluster,
    files,
    steps,
    requires: readRequires(r, d.requires, ['requires']),
    source: file,
  };
}
