// kubectl run NAME --image=IMG: generates the Pod kubectl 1.32 generates, field for field.
import type { KubeObject } from '../../api/meta';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { arrayFlag, boolFlag, durationFlag, intFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { checkOutputFormat, parseDryRun } from './object-output';
import { dryRunWarning } from './dry-run-warning';
import { createAndPrint } from './create';

function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

function parseEnv(list: string[]): { name: string; value: string }[] {
  return list.map((e) => {
    const i = e.indexOf('=');
    if (i <= 0) throw new KubectlError(`invalid env: ${e}`);
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
}

function parseAnnotations(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list) {
    const i = a.indexOf('=');
    if (i <= 0) throw new KubectlError(`invalid annotation format: ${a}`);
    out[a.slice(0, i)] = a.slice(i + 1);
  }
  return out;
}

/** The Pod `kubectl run` sends, keys in the order kubectl serialises them. */
export function generatePod(inv: Invocation): KubeObject {
  const f = inv.flags;
  const name = inv.args[0];
  const image = f.string('image', '');
  const restart = f.string('restart', 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(inv.path, `invalid restart policy: ${restart}`);
  const pullPolicy = f.string('image-pull-policy', '');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
    throw new UsageError(inv.path, `invalid image pull policy: ${pullPolicy}`);
  }
  const labelSpec = f.string('labels', '');
  const labels = labelSpec ? parseLabels(labelSpec) : { run: name };
  const annotations = parseAnnotations(f.list('annotations'));
  const env = parseEnv(f.list('env'));
  const rest = inv.args.slice(1);
  const container: Record<string, unknown> = { name, image };
  if (rest.length) container[f.bool('command') ? 'command' : 'args'] = rest;
  const port = f.string('port', '');
  if (port) {
    if (!/^\d+$/.test(port)) throw new KubectlError(`strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  if (env.length) container.env = env;
  container.resources = {};
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  if (f.bool('privileged')) container.securityContext = { privileged: true };
  if (f.bool('stdin')) {
    container.stdin = true;
    if (!f.bool('leave-stdin-open')) container.stdinOnce = true;
  }
  if (f.bool('tty')) container.tty = true;
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as KubeObject;
}

function runRun(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    if (!inv.flags.string('image')) throw new KubectlError('required flag(s) "image" not set');
    if (inv.args.length === 0 || (inv.argsLenAtDash === 0)) throw new UsageError(inv.path, 'NAME is required for run');
    checkOutputFormat(inv.flags.string('output'));
    const dry = parseDryRun(inv.flags.string('dry-run'));
    if (dry.deprecated) out.err(dryRunWarning(ctx));
    const pod = generatePod(inv);
    if (dry.dryRun !== 'client') {
      delete (pod.metadata as { creationTimestamp?: unknown }).creationTimestamp;
      delete pod.status;
    }
    pod.metadata.namespace = inv.namespace;
    if (dry.dryRun === 'client') delete pod.metadata.namespace;
    createAndPrint(pod, inv, ctx, out, 'kubectl-run');
  });
}

export const runCommand: CommandDef = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  group: 'Basic Commands (Beginner)',
  flags: [
    boolFlag('allow-missing-template-keys'),
    arrayFlag('annotations'),
    boolFlag('attach'),
    stringFlag('cascade', undefined, 'background'),
    boolFlag('command'),
    stringFlag('dry-run', undefined, 'unchanged'),
    arrayFlag('env'),
    boolFlag('expose'),
    stringFlag('field-manager'),
    sliceFlag('filename', 'f'),
    boolFlag('force'),
    intFlag('grace-period'),
    stringFlag('image'),
    stringFlag('image-pull-policy'),
    stringFlag('kustomize', 'k'),
    stringFlag('labels', 'l'),
    boolFlag('leave-stdin-open'),
    stringFlag('output', 'o'),
    stringFlag('override-type'),
    stringFlag('overrides'),
    durationFlag('pod-running-timeout'),
    stringFlag('port'),
    boolFlag('privileged'),
    boolFlag('quiet', 'q'),
    boolFlag('recursive', 'R'),
    stringFlag('restart'),
    boolFlag('rm'),
    boolFlag('save-config'),
    boolFlag('show-managed-fields'),
    boolFlag('stdin', 'i'),
    stringFlag('template'),
    durationFlag('timeout'),
    boolFlag('tty', 't'),
    boolFlag('wait'),
  ],
  run: runRun,
};
