// kubectl get and kubectl describe: flags parsed here, output by runGet / runDescribe (their own modules).
import type { KubectlContext, KubectlResult } from '../context';
import { boolFlag, intFlag, sliceFlag, stringFlag } from '../flags';
import { runDescribe } from './describe';
import { runGet } from './get';
import type { CommandDef, Invocation } from './command';

function get(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const f = inv.flags;
  return runGet(
    {
      args: inv.args,
      namespace: inv.namespaceSet ? inv.namespace : undefined,
      allNamespaces: f.bool('all-namespaces'),
      output: f.string('output'),
      selector: f.string('selector'),
      fieldSelector: f.string('field-selector'),
      showLabels: f.bool('show-labels'),
      noHeaders: f.bool('no-headers'),
      sortBy: f.string('sort-by'),
      labelColumns: f.list('label-columns'),
      showKind: f.bool('show-kind'),
      showManagedFields: f.bool('show-managed-fields'),
      filenames: f.list('filename'),
      ignoreNotFound: f.bool('ignore-not-found'),
      watch: f.bool('watch') || f.bool('watch-only'),
      chunkSize: f.has('chunk-size') ? f.int('chunk-size', 500) : undefined,
    },
    ctx,
  );
}

function describe(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const f = inv.flags;
  return runDescribe(
    {
      args: inv.args,
      namespace: inv.namespaceSet ? inv.namespace : undefined,
      allNamespaces: f.bool('all-namespaces'),
      selector: f.string('selector'),
      filenames: f.list('filename'),
      showEvents: f.bool('show-events', true),
    },
    ctx,
  );
}

export const getCommand: CommandDef = {
  name: 'get',
  short: 'Display one or many resources',
  group: 'Basic Commands (Intermediate)',
  flags: [
    boolFlag('all-namespaces', 'A'),
    boolFlag('allow-missing-template-keys'),
    intFlag('chunk-size'),
    stringFlag('field-selector'),
    sliceFlag('filename', 'f'),
    boolFlag('ignore-not-found'),
    stringFlag('kustomize', 'k'),
    sliceFlag('label-columns', 'L'),
    boolFlag('no-headers'),
    stringFlag('output', 'o'),
    boolFlag('output-watch-events'),
    stringFlag('raw'),
    boolFlag('recursive', 'R'),
    stringFlag('selector', 'l'),
    boolFlag('server-print'),
    boolFlag('show-kind'),
    boolFlag('show-labels'),
    boolFlag('show-managed-fields'),
    stringFlag('sort-by'),
    stringFlag('subresource'),
    stringFlag('template'),
    boolFlag('watch', 'w'),
    boolFlag('watch-only'),
  ],
  run: get,
};

export const describeCommand: CommandDef = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    boolFlag('all-namespaces', 'A'),
    intFlag('chunk-size'),
    sliceFlag('filename', 'f'),
    stringFlag('kustomize', 'k'),
    boolFlag('recursive', 'R'),
    stringFlag('selector', 'l'),
    boolFlag('show-events'),
  ],
  run: describe,
};
