// kubectl label and kubectl annotate: KEY=VALUE sets, KEY- removes, --overwrite guards existing values.
import type { KubeObject } from '../../api/meta';
import type { KubectlContext, KubectlResult } from '../context';
import { formatServerError, isApiError, KubectlError } from '../errors';
import { boolFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';
import { checkOutputFormat, kindPrefix, parseDryRun, printObjects } from './object-output';
import { selectObjects } from './select-objects';
import { fieldManager, recordedBy } from './field-manager';

type Field = 'labels' | 'annotations';

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export interface MetadataChanges {
  set: [string, string][];
  remove: string[];
}

/** Splits `kubectl label` arguments into resource arguments and KEY=VALUE / KEY- changes. */
export function splitChanges(args: string[], field: Field): { resources: string[]; changes: MetadataChanges } {
  const resources: string[] = [];
  const changes: MetadataChanges = { set: [], remove: [] };
  for (const a of args) {
    if (a.includes('=')) {
      const i = a.indexOf('=');
      const key = a.slice(0, i);
      const value = a.slice(i + 1);
      if (field === 'labels') {
        if (!validKey(key)) throw new KubectlError(`invalid label spec: ${a}`);
        if (!LABEL_VALUE.test(value) || value.length > 63) {
          throw new KubectlError(
            `invalid label value: "${a}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
          );
        }
      } else if (!validKey(key)) throw new KubectlError(`invalid annotation format: ${a}`);
      changes.set.push([key, value]);
    } else if (a.endsWith('-')) {
      changes.remove.push(a.slice(0, -1));
    } else {
      resources.push(a);
    }
  }
  return { resources, changes };
}

function validKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  if (!name || name.length > 63 || !QUALIFIED_NAME.test(name)) return false;
  if (prefix !== undefined && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(prefix)) return false;
  return true;
}

/** The new map, or throws kubectl's --overwrite error. */
export function applyChanges(current: Record<string, string> | undefined, changes: MetadataChanges, overwrite: boolean, field: Field): Record<string, string> {
  const next = { ...(current ?? {}) };
  const clashes: string[] = [];
  for (const [k, v] of changes.set) {
    if (!overwrite && k in next && next[k] !== v) clashes.push(`'${k}' already has a value (${next[k]})`);
    next[k] = v;
  }
  if (clashes.length) {
    if (field === 'labels') throw new KubectlError(`${clashes[0]}, and --overwrite is false`);
    throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`);
  }
  for (const k of changes.remove) delete next[k];
  return next;
}

function labelMessage(before: Record<string, string> | undefined, after: Record<string, string>): string {
  const b = before ?? {};
  const same = Object.keys(b).length === Object.keys(after).length && Object.entries(b).every(([k, v]) => after[k] === v);
  if (same) return 'not labeled';
  return Object.keys(after).length < Object.keys(b).length ? 'unlabeled' : 'labeled';
}

function runMetadataCommand(field: Field, inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const f = inv.flags;
    const filenames = f.list('filename');
    const { resources, changes } = splitChanges(inv.args, field);
    const noun = field === 'labels' ? 'label' : 'annotation';
    if (!resources.length && !filenames.length) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (!changes.set.length && !changes.remove.length && !f.bool('list')) throw new KubectlError(`at least one ${noun} update is required`);
    const all = f.bool('all');
    const selector = f.string('selector');
    if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
    const output = f.string('output');
    checkOutputFormat(output);
    const { dryRun } = parseDryRun(f.string('dry-run'));
    for (const k of changes.remove) {
      for (const [sk] of changes.set) if (sk === k) throw new KubectlError(`can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
    }
    if (resources.length === 1 && !resources[0].includes('/') && !all && !selector && !f.string('field-selector') && !filenames.length) {
      throw new KubectlError('resource(s) were provided, but no name was specified');
    }
    const { selected } = selectObjects(
      { args: resources, filenames, selector, fieldSelector: f.string('field-selector'), all, allNamespaces: f.bool('all-namespaces'), namespace: inv.namespace, namespaceSet: inv.namespaceSet },
      ctx,
      out,
    );
    const api = ctx.sim.api;
    const minor = ctx.sim.config.minor;
    for (const s of selected) {
      const obj = s.object;
      const before = obj.metadata[field];
      let after: Record<string, string>;
      try {
        after = applyChanges(before, changes, f.bool('overwrite'), field);
      } catch (e) {
        out.err(`error: ${(e as Error).message}`);
        out.exitCode = 1;
        continue;
      }
      if (field === 'labels') {
        for (const k of changes.remove) if (!before || !(k in before)) out.err(`label "${k}" not found.`);
      }
      const next: KubeObject = { ...obj, metadata: { ...obj.metadata, [field]: after } };
      if (Object.keys(after).length === 0) delete next.metadata[field];
      let result = next;
      try {
        if (dryRun !== 'client') result = api.update(recordedBy(ctx, obj, next, fieldManager(inv, field === 'labels' ? 'kubectl-label' : 'kubectl-annotate')), { dryRun: dryRun === 'server' });
      } catch (e) {
        if (!isApiError(e)) throw e;
        out.err(formatServerError(e));
        out.exitCode = 1;
        continue;
      }
      if (output) {
        out.stdout += printObjects([result], output, minor);
        continue;
      }
      const message = field === 'labels' ? labelMessage(before, after) : 'annotated';
      const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
      out.out(`${kindPrefix(obj, minor)}/${obj.metadata.name} ${message}${suffix}`);
    }
  });
}

function metadataFlags() {
  return [
    boolFlag('all'),
    boolFlag('all-namespaces', 'A'),
    boolFlag('allow-missing-template-keys'),
    stringFlag('dry-run', undefined, 'unchanged'),
    stringFlag('field-manager'),
    stringFlag('field-selector'),
    sliceFlag('filename', 'f'),
    stringFlag('kustomize', 'k'),
    boolFlag('list'),
    boolFlag('local'),
    stringFlag('output', 'o'),
    boolFlag('overwrite'),
    boolFlag('recursive', 'R'),
    stringFlag('resource-version'),
    stringFlag('selector', 'l'),
    boolFlag('show-managed-fields'),
    stringFlag('template'),
  ];
}

export const labelCommand: CommandDef = {
  name: 'label',
  short: 'Update the labels on a resource',
  group: 'Settings Commands',
  flags: metadataFlags(),
  run: (inv, ctx) => runMetadataCommand('labels', inv, ctx),
};

export const annotateCommand: CommandDef = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  group: 'Settings Commands',
  flags: metadataFlags(),
  run: (inv, ctx) => runMetadataCommand('annotations', inv, ctx),
};
