// kubectl create -f and kubectl create namespace.
import { createDeploymentCommand } from './create-deployment';
import { createServiceCommand } from './create-service';
import type { KubeObject } from '../../api/meta';
import type { KubectlContext, KubectlResult } from '../context';
import { formatServerError, isApiError, KubectlError } from '../errors';
import { readManifests } from '../manifests';
import { boolFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { checkOutputFormat, operationLine, parseDryRun, printObjects } from './object-output';
import { dryRunWarning } from './dry-run-warning';
import { fieldManager, recordedBy } from './field-manager';
import { placeManifest, withLastApplied } from './apply';
import { createJobFromCronJob, createJobObject, fromCronJobName, validateCreateJob } from './create-job';
import { createCronJobObject, validateCreateCronJob } from './create-cronjob';
import { deprecationWarning } from '../../apiserver/deprecation';
import { resolveResource } from '../../api/resources';
import type { CronJob } from '../../api/cronjob';

const OUTPUT_FLAGS = [
  boolFlag('allow-missing-template-keys'),
  stringFlag('dry-run', undefined, 'unchanged'),
  stringFlag('field-manager'),
  stringFlag('output', 'o'),
  boolFlag('save-config'),
  boolFlag('show-managed-fields'),
  stringFlag('template'),
  stringFlag('validate', undefined, 'strict'),
];

/** Creates one object (or pretends to) and prints what kubectl prints. */
export function createAndPrint(obj: KubeObject, inv: Invocation, ctx: KubectlContext, out: { out(s: string): void; stdout: string }, manager = 'kubectl-create'): void {
  const output = inv.flags.string('output');
  const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
  const toSend = inv.flags.bool('save-config') ? withLastApplied(obj) : obj;
  const created = dryRun === 'client' ? toSend : ctx.sim.api.create(recordedBy(ctx, undefined, toSend, fieldManager(inv, manager)), { dryRun: dryRun === 'server' });
  if (output) out.stdout += printObjects([created], output, ctx.sim.config.minor, dryRun === 'client');
  else out.out(operationLine(created, 'created', dryRun, ctx.sim.config.minor));
}

function runCreate(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const filenames = inv.flags.list('filename');
    if (inv.args.length) throw new UsageError(inv.path, `Unexpected args: [${inv.args.join(' ')}]`);
    if (!filenames.length && !inv.flags.string('kustomize')) throw new KubectlError('must specify one of -f and -k');
    checkOutputFormat(inv.flags.string('output'));
    if (parseDryRun(inv.flags.string('dry-run')).deprecated) out.err(dryRunWarning(ctx));
    const deferred: string[] = [];
    const warned = new Set<string>();
    for (const m of readManifests(filenames, ctx.files, ctx.stdin)) {
      let object: KubeObject;
      try {
        const placed = placeManifest(m.object, m.source, inv, ctx);
        object = placed.object;
        const warning = deprecationWarning(m.object.apiVersion, m.object.kind, ctx.sim.config.minor);
        if (warning && !warned.has(warning)) {
          warned.add(warning);
          out.err(warning);
        }
      } catch (e) {
        if (e instanceof KubectlError && e.message.startsWith('error: resource mapping')) {
          deferred.push(e.message);
          continue;
        }
        throw e;
      }
      try {
        createAndPrint(object, inv, ctx, out);
      } catch (e) {
        if (!isApiError(e)) throw e;
        out.err(formatServerError(e, { verb: 'creating', file: m.source }));
        out.exitCode = 1;
      }
    }
    for (const d of deferred) {
      out.err(d);
      out.exitCode = 1;
    }
  });
}

function runCreateNamespace(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    if (inv.args.length !== 1) throw new UsageError(inv.path, `exactly one NAME is required, got ${inv.args.length}`);
    checkOutputFormat(inv.flags.string('output'));
    if (parseDryRun(inv.flags.string('dry-run')).deprecated) out.err(dryRunWarning(ctx));
    const ns: KubeObject = { kind: 'Namespace', apiVersion: 'v1', metadata: { name: inv.args[0], creationTimestamp: null as unknown as string }, spec: {}, status: {} };
    const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
    if (dryRun !== 'client') {
      delete (ns.metadata as { creationTimestamp?: unknown }).creationTimestamp;
      delete ns.spec;
      delete ns.status;
    }
    createAndPrint(ns, inv, ctx, out);
  });
}

/** Server-bound objects lose the `creationTimestamp: null` kubectl's typed objects carry (a nil metav1.Time). */
function dropNullTimestamps(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) dropNullTimestamps(v);
    return;
  }
  const rec = value as Record<string, unknown>;
  if (rec.creationTimestamp === null) delete rec.creationTimestamp;
  for (const v of Object.values(rec)) dropNullTimestamps(v);
}

/** The command words after `--` (cobra's ArgsLenAtDash), or none. */
function afterDash(inv: Invocation): { names: string[]; command: string[] } {
  if (inv.argsLenAtDash < 0) return { names: inv.args, command: [] };
  return { names: inv.args.slice(0, inv.argsLenAtDash), command: inv.args.slice(inv.argsLenAtDash) };
}

function createGenerated(obj: KubeObject, inv: Invocation, ctx: KubectlContext, out: Parameters<typeof createAndPrint>[3]): void {
  const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
  if (dryRun !== 'client') {
    dropNullTimestamps(obj);
    delete obj.status;
  }
  createAndPrint(obj, inv, ctx, out);
}

/** `kubectl create job NAME --image=IMAGE [-- COMMAND…]` or `--from=cronjob/NAME` (create_job.go). */
function runCreateJob(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const { names, command } = afterDash(inv);
    if (names.length !== 1) throw new UsageError(inv.path, `exactly one NAME is required, got ${names.length}`);
    checkOutputFormat(inv.flags.string('output'));
    const opts = { name: names[0], image: inv.flags.string('image') || undefined, from: inv.flags.string('from') || undefined, command, namespace: inv.namespaceSet ? inv.namespace : undefined };
    const invalid = validateCreateJob(opts);
    if (invalid) throw new KubectlError(invalid);
    if (parseDryRun(inv.flags.string('dry-run')).deprecated) out.err(dryRunWarning(ctx));
    let job: KubeObject;
    if (!opts.from) job = createJobObject(opts);
    else {
      const minor = ctx.sim.config.minor;
      const slash = opts.from.indexOf('/');
      const typeName = slash < 0 ? opts.from : opts.from.slice(0, slash);
      const t = resolveResource(typeName, minor);
      if (slash < 0 || !t) throw new KubectlError(slash < 0 ? `arguments in resource/name form must have a single resource and name` : `the server doesn't have a resource type "${typeName}"`);
      const source = ctx.sim.api.get(t.kind, inv.namespace, opts.from.slice(slash + 1));
      if (!fromCronJobName(opts.from) && t.kind !== 'CronJob') throw new KubectlError(`unknown object type *v1.${source.kind}`);
      job = createJobFromCronJob(opts, source as CronJob);
    }
    createGenerated(job, inv, ctx, out);
  });
}

/** `kubectl create cronjob NAME --image=IMAGE --schedule=SPEC [--restart=…] [-- COMMAND…]` (create_cronjob.go). */
function runCreateCronJob(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const { names, command } = afterDash(inv);
    const opts = {
      name: names[0] ?? '',
      image: inv.flags.string('image') || undefined,
      schedule: inv.flags.has('schedule') ? inv.flags.string('schedule') : undefined,
      restart: inv.flags.string('restart') || undefined,
      command,
      namespace: inv.namespaceSet ? inv.namespace : undefined,
    };
    const missing = validateCreateCronJob(opts);
    if (missing) throw new KubectlError(missing);
    if (names.length !== 1) throw new UsageError(inv.path, `exactly one NAME is required, got ${names.length}`);
    checkOutputFormat(inv.flags.string('output'));
    if (parseDryRun(inv.flags.string('dry-run')).deprecated) out.err(dryRunWarning(ctx));
    createGenerated(createCronJobObject(opts), inv, ctx, out);
  });
}

/** `kubectl create` generators; others add theirs here (job, cronjob, deployment…). */
export const createSubcommands: CommandDef[] = [
  { name: 'clusterrole', short: 'Create a cluster role' },
  { name: 'clusterrolebinding', short: 'Create a cluster role binding for a particular cluster role' },
  { name: 'configmap', aliases: ['cm'], short: 'Create a config map from a local file, directory or literal value' },
  { name: 'cronjob', aliases: ['cj'], short: 'Create a cron job with the specified name', flags: [...OUTPUT_FLAGS, stringFlag('image'), stringFlag('schedule'), stringFlag('restart')], run: runCreateCronJob },
  createDeploymentCommand,
  { name: 'ingress', aliases: ['ing'], short: 'Create an ingress with the specified name' },
  { name: 'job', short: 'Create a job with the specified name', flags: [...OUTPUT_FLAGS, stringFlag('image'), stringFlag('from')], run: runCreateJob },
  { name: 'namespace', aliases: ['ns'], short: 'Create a namespace with the specified name', flags: OUTPUT_FLAGS, run: runCreateNamespace },
  { name: 'poddisruptionbudget', aliases: ['pdb'], short: 'Create a pod disruption budget with the specified name' },
  { name: 'priorityclass', aliases: ['pc'], short: 'Create a priority class with the specified name' },
  { name: 'quota', aliases: ['resourcequota'], short: 'Create a quota with the specified name' },
  { name: 'role', short: 'Create a role with single rule' },
  { name: 'rolebinding', short: 'Create a role binding for a particular role or cluster role' },
  { name: 'secret', short: 'Create a secret using a specified subcommand' },
  createServiceCommand,
  { name: 'serviceaccount', aliases: ['sa'], short: 'Create a service account with the specified name' },
  { name: 'token', short: 'Request a service account token' },
];

export const createCommand: CommandDef = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  group: 'Basic Commands (Beginner)',
  flags: [...OUTPUT_FLAGS, boolFlag('edit'), sliceFlag('filename', 'f'), stringFlag('kustomize', 'k'), stringFlag('raw'), boolFlag('recursive', 'R'), stringFlag('selector', 'l'), boolFlag('windows-line-endings')],
  subcommands: createSubcommands,
  run: runCreate,
};
