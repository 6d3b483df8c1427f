// kubectl exec: runs a command in a running container, through the container's shell interpreter and filesystem.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/exec: its argument checks, "Defaulted container", the kubelet's
// upgrade errors, and "command terminated with exit code N".
// https://kubernetes.io/docs/reference/kubectl/generated/kubectl_exec/
import type { KubeObject, LabelSelector } from '../../api/meta';
import type { Pod } from '../../api/pod';
import { matchesLabelSelector } from '../../api/selectors';
import { resolveResource } from '../../api/resources';
import { execInContainer, liveContainer } from '../../runtime/container-exec';
import { KubectlError } from '../errors';
import type { KubectlContext, KubectlResult, Output } from '../context';
import { boolFlag, durationFlag, parseFlags, stringFlag, Flags, GLOBAL_FLAGS, FlagError } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';

/** kubectl's podutils.ByLogging order: assigned, running, ready, most restarts, oldest. */
function byLogging(a: Pod, b: Pod): number {
  const rank = (p: Pod) => (p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Unknown' ? 1 : p.status?.phase === 'Pending' ? 2 : 0);
  const ready = (p: Pod) => (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
  const created = (p: Pod) => p.metadata.creationTimestamp ?? '';
  return (
    (a.spec.nodeName ? 0 : 1) - (b.spec.nodeName ? 0 : 1) ||
    rank(a) - rank(b) ||
    ready(a) - ready(b) ||
    restarts(b) - restarts(a) ||
    (created(a) < created(b) ? -1 : created(a) > created(b) ? 1 : 0)
  );
}

/** `POD`, `pod/NAME`, `job/NAME`, `deploy/NAME`…: the pod kubectl attaches to (the first by ByLogging for controllers). */
export function podForArg(arg: string, namespace: string, ctx: KubectlContext, out: Output): Pod {
  const slash = arg.indexOf('/');
  if (slash < 0) return ctx.sim.api.get<Pod>('Pod', namespace, arg);
  const type = resolveResource(arg.slice(0, slash), ctx.sim.config.minor);
  const name = arg.slice(slash + 1);
  if (!type) throw new KubectlError(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
  if (type.kind === 'Pod') return ctx.sim.api.get<Pod>('Pod', namespace, name);
  const owner = ctx.sim.api.get<KubeObject & { spec: { selector?: LabelSelector | Record<string, string> } }>(type.kind, namespace, name);
  const sel = owner.spec.selector;
  const selector: LabelSelector | undefined = sel && ('matchLabels' in sel || 'matchExpressions' in sel) ? (sel as LabelSelector) : sel ? { matchLabels: sel as Record<string, string> } : undefined;
  if (!selector) throw new KubectlError(`cannot attach to ${type.kind}: selector for ${type.kind} not implemented`);
  const pods = ctx.sim.api.list<Pod>('Pod', namespace).filter((p) => matchesLabelSelector(p.metadata.labels, selector) && !p.metadata.deletionTimestamp);
  if (!pods.length) throw new KubectlError('timed out waiting for the condition');
  pods.sort(byLogging);
  if (pods.length > 1) out.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}`);
  return pods[0];
}

/** The container named by -c, or the default one (the annotation, else the first) with kubectl's note on stderr. */
export function pickContainer(pod: Pod, name: string | undefined, out: Output, quiet = false): string {
  // podcmd.AllContainerNames: regular containers, then init ones marked "(init)".
  const all = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
  const wanted = name || pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (wanted) {
    if (!pod.spec.containers.some((c) => c.name === wanted) && !(pod.spec.initContainers ?? []).some((c) => c.name === wanted)) {
      throw new KubectlError(`container ${wanted} is not valid for pod ${pod.metadata.name} out of: ${all}`);
    }
    return wanted;
  }
  const first = pod.spec.containers[0].name;
  if (!quiet && (pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0)) out.err(`Defaulted container "${first}" out of: ${all}`);
  return first;
}

/** The kubelet refuses to exec into a container that does not run (the API server first refuses completed pods). */
export function checkExecutable(pod: Pod, container: string, ctx: KubectlContext): void {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  if (!pod.spec.nodeName) throw new KubectlError(`unable to upgrade connection: pod does not have a host assigned`);
  if (!liveContainer(ctx.sim, pod, container)) throw new KubectlError(`unable to upgrade connection: container not found ("${container}")`);
}

export interface ExecRequest {
  pod: Pod;
  container: string;
  argv: string[];
  stdin: boolean;
  tty: boolean;
}

const FLAGS = [stringFlag('container', 'c'), boolFlag('stdin', 'i'), boolFlag('tty', 't'), boolFlag('quiet', 'q'), stringFlag('filename', 'f'), durationFlag('pod-running-timeout')];

/** Checks `exec` arguments and finds the container, as `kubectl exec` does before it connects; throws kubectl's errors. */
export function execRequest(inv: Invocation, ctx: KubectlContext, out: Output): ExecRequest {
  const dash = inv.argsLenAtDash;
  if (inv.args.length === 0 || dash === 0) throw new UsageError(inv.path, "expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME is a required argument for the exec command");
  if (dash < 0 && inv.args.length > 1) throw new KubectlError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (dash > 1) throw new KubectlError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  const argv = inv.args.slice(1);
  if (argv.length === 0) throw new KubectlError('you must specify at least one command for the container');
  const pod = podForArg(inv.args[0], inv.namespace, ctx, out);
  const container = pickContainer(pod, inv.flags.string('container'), out, inv.flags.bool('quiet'));
  checkExecutable(pod, container, ctx);
  return { pod, container, argv, stdin: inv.flags.bool('stdin'), tty: inv.flags.bool('tty') };
}

/** The longest an exec may let simulated time run (a `sleep 10000` returns after this). */
const EXEC_TIME_CAP_MS = 3_600_000;

function runExec(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const req = execRequest(inv, ctx, out);
    // StreamOptions.SetupTTY: -t without -i is silently no TTY; -ti with an input that is not a terminal (the CLI, a
    // script) warns and goes on without one. The app's console opens a real terminal for -ti instead (Session.run).
    if (req.tty && req.stdin && !inv.flags.bool('quiet')) out.err('Unable to use a TTY - input is not a terminal or the right kind of file');
    const r = execInContainer(ctx.sim, req.pod, req.container, req.argv, req.stdin ? ctx.stdin : '', false);
    if (!r) throw new KubectlError(`unable to upgrade connection: container not found ("${req.container}")`);
    if (r.startError) {
      const id = ctx.sim.rng.hex(64);
      throw new KubectlError(`Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${r.startError}: unknown`);
    }
    for (const c of r.output) {
      if (c.stream === 'stdout') out.stdout += c.text;
      else out.stderr += c.text;
    }
    if (Number.isFinite(r.durationMs) && r.durationMs > 0) ctx.sim.advance(Math.min(r.durationMs, EXEC_TIME_CAP_MS));
    if (r.exitCode !== 0) {
      out.err(`command terminated with exit code ${r.exitCode}`);
      out.exitCode = r.exitCode;
    }
  });
}

/** Parses `exec` argv the way the command runner does (for the console, which opens interactive shells itself). */
export function parseExecArgv(argv: string[], defaultNamespace: string): Invocation | string {
  try {
    const parsed = parseFlags(argv, [...FLAGS, ...GLOBAL_FLAGS]);
    const flags = new Flags(parsed);
    const ns = flags.string('namespace');
    return { path: 'kubectl exec', args: parsed.args, argsLenAtDash: parsed.argsLenAtDash, flags, namespace: ns || defaultNamespace, namespaceSet: !!ns };
  } catch (e) {
    if (e instanceof FlagError) return `error: ${e.message}\nSee 'kubectl exec --help' for usage.\n`;
    throw e;
  }
}

export const execCommand: CommandDef = {
  name: 'exec',
  short: 'Execute a command in a container',
  group: 'Troubleshooting and Debugging Commands',
  flags: FLAGS,
  run: runExec,
};
