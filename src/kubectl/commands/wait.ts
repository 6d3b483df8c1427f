// `kubectl wait --for=condition=…|delete|jsonpath=… [--timeout=30s] TYPE/NAME…` (kubectl/pkg/cmd/wait): on the
// simulated clock, waiting runs time forward until the condition holds or the timeout passes.
import type { KubeObject } from '../../api/meta';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, durationFlag, sliceFlag, stringFlag } from '../flags';
import { JsonPath, JsonPathError, relaxedJsonPath, valueText } from '../printers/jsonpath';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';
import { kindPrefix } from './object-output';
import { selectObjects } from './select-objects';

/** kubectl's default --timeout. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;
/** A negative --timeout means a week. */
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** What `--for` asks: a condition (type and wanted status), the object's deletion, or a JSONPath value. */
export type WaitCondition =
  | { kind: 'condition'; type: string; status: string }
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'jsonpath'; expression: string; value?: string };

/** conditionFuncFor: parses `--for`, with kubectl's error texts. */
export function parseWaitFor(text: string): WaitCondition {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    if (eq < 0) return { kind: 'condition', type: rest, status: 'true' };
    return { kind: 'condition', type: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  if (lower.startsWith('jsonpath=')) {
    const parts = text.slice('jsonpath='.length).split('=');
    if (parts.length < 1 || parts.length > 2 || !parts[0]) {
      throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    }
    let expression: string;
    try {
      expression = relaxedJsonPath(parts[0]);
      new JsonPath(expression);
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(e.message);
      throw e;
    }
    if (parts.length === 2 && parts[1] === '') throw new KubectlError('jsonpath wait has to have a value after equal sign');
    return { kind: 'jsonpath', expression, value: parts[1] };
  }
  throw new KubectlError(`unrecognized condition: "${text}"`);
}

/** Whether an object (or its absence) meets the condition. Pure: used on every step of the clock. */
export function conditionMet(cond: WaitCondition, obj: KubeObject | undefined, uid: string | undefined): boolean {
  switch (cond.kind) {
    case 'delete':
      return !obj || obj.metadata.uid !== uid;
    case 'create':
      return !!obj;
    case 'condition': {
      if (!obj) return false;
      const status = obj.status as { conditions?: { type: string; status: string; observedGeneration?: number }[] } | undefined;
      return (status?.conditions ?? []).some(
        (c) =>
          c.type.toLowerCase() === cond.type.toLowerCase() &&
          c.status.toLowerCase() === cond.status.toLowerCase() &&
          (c.observedGeneration === undefined || obj.metadata.generation === undefined || c.observedGeneration === obj.metadata.generation),
      );
    }
    case 'jsonpath': {
      if (!obj) return false;
      const found = new JsonPath(cond.expression).find(obj);
      if (found.length === 0) return false;
      if (cond.value === undefined) return true;
      if (found.length > 1) return false;
      const v = found[0];
      if (v !== null && typeof v === 'object') return false;
      return valueText(v) === cond.value;
    }
  }
}

function runWait(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const f = inv.flags;
    const forText = f.string('for');
    if (forText === undefined) throw new KubectlError('--for must be specified');
    const cond = parseWaitFor(forText);
    let timeout = f.duration('timeout', DEFAULT_WAIT_TIMEOUT_MS);
    if (timeout < 0) timeout = WEEK_MS;
    if (!inv.args.length && !f.list('filename').length) {
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const typesOnly = inv.args.length > 0 && !inv.args.some((a) => a.includes('/')) && inv.args.length === 1;
    if (typesOnly && !f.bool('all') && !f.string('selector') && !f.string('field-selector')) {
      throw new KubectlError('resource(s) were provided, but no name was specified');
    }
    const { selected } = selectObjects(
      {
        args: inv.args,
        filenames: f.list('filename'),
        selector: f.string('selector'),
        fieldSelector: f.string('field-selector'),
        all: f.bool('all'),
        allNamespaces: f.bool('all-namespaces'),
        namespace: inv.namespace,
        namespaceSet: inv.namespaceSet,
        ignoreNotFound: cond.kind === 'delete',
      },
      ctx,
      out,
    );
    if (out.exitCode !== 0) return;
    if (!selected.length) {
      if (cond.kind !== 'delete') throw new KubectlError('no matching resources found');
      return;
    }
    const sim = ctx.sim;
    const minor = sim.config.minor;
    for (const { type, object } of selected) {
      const ns = object.metadata.namespace;
      const name = object.metadata.name!;
      const uid = object.metadata.uid;
      const current = () => sim.api.tryGet(type.kind, ns, name);
      const met = sim.advanceUntil(() => conditionMet(cond, current(), uid), timeout);
      if (!met) {
        out.err(`error: timed out waiting for the condition on ${type.name}/${name}`);
        out.exitCode = 1;
        continue;
      }
      out.out(`${kindPrefix(object, minor)}/${name} condition met`);
    }
  });
}

export const waitCommand: CommandDef = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  group: 'Advanced Commands',
  flags: [
    boolFlag('all'),
    boolFlag('all-namespaces', 'A'),
    boolFlag('allow-missing-template-keys'),
    stringFlag('field-selector'),
    sliceFlag('filename', 'f'),
    stringFlag('for'),
    boolFlag('local'),
    stringFlag('output', 'o'),
    boolFlag('recursive', 'R'),
    stringFlag('selector', 'l'),
    stringFlag('template'),
    durationFlag('timeout'),
  ],
  run: runWait,
};
