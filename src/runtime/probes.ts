// One run of a container probe, as the kubelet's prober does it (pkg/kubelet/prober/prober.go, pkg/probe/{http,tcp,exec}):
// an HTTP GET or a TCP dial from the node to the pod's IP, or a command run in the container; what comes back is
// success, failure with the output the kubelet puts in its `Unhealthy` event, or an error (the result is thrown away).
// Pure: the caller says what listens in the pod and runs the command.
import type { Container, Probe } from '../api/pod';
import { goDuration } from './go-duration';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

/** probe.Success / probe.Failure (with the output the event shows) / a prober error (probe.Unknown). */
export type ProbeOutcome = { result: 'success' } | { result: 'failure'; output: string } | { result: 'error'; error: string };

/** What a command run in the container (CRI ExecSync) gave back. */
export interface ExecOutcome {
  exitCode: number;
  /** stdout and stderr interleaved, as CombinedOutput reads them. */
  output: string;
  /** How long it ran (Infinity: still running at the probe's deadline). */
  durationMs: number;
  /** The runtime could not start the command (`exec: "curl": executable file not found in $PATH`). */
  startError?: string;
  /** The exec session id containerd names in its errors. */
  execId?: string;
}

/** A socket something listens on in the pod: an HTTP server, or a TCP one (a database) that only accepts. */
export interface ProbeServer {
  protocol: 'http' | 'tcp';
  /** What a TCP server sends an HTTP client (mongod's HTTP reply, redis' RESP error). */
  banner?: string;
  /** An HTTP server's status for GET `path`. */
  request(path: string): number;
}

export interface ProbeTarget {
  /** The pod's IP (the host of httpGet and tcpSocket when `host` is not set). */
  podIP: string;
  /** What accepts a connection on `port` in the pod's network namespace right now (called once per connection). */
  listenerOn(port: number): ProbeServer | undefined;
  /** Runs argv in the container, stopping it after `timeoutMs`. */
  exec(argv: string[], timeoutMs: number): ExecOutcome;
}

/** Probe defaults as the API server sets them (SetDefaults_Probe), for specs that skipped defaulting. */
export function probeTimings(p: Probe): { initialDelayMs: number; periodMs: number; timeoutMs: number; successThreshold: number; failureThreshold: number } {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds || 10) * 1000,
    timeoutMs: (p.timeoutSeconds || 1) * 1000,
    successThreshold: p.successThreshold || 1,
    failureThreshold: p.failureThreshold || 3,
  };
}

/** The probe of a kind on a container spec. */
export function probeOf(c: Container, type: ProbeType): Probe | undefined {
  if (type === 'liveness') return c.livenessProbe;
  if (type === 'readiness') return c.readinessProbe;
  return c.startupProbe as Probe | undefined;
}

/** extractPort: a number, a named container port, or a number written as a string. */
export function probePort(port: number | string | undefined, c: Container): { port: number } | { error: string } {
  let n: number;
  if (typeof port === 'number') n = port;
  else {
    const s = port ?? '';
    const named = (c.ports ?? []).find((p) => p.name === s);
    if (named) n = named.containerPort;
    else if (/^[+-]?\d+$/.test(s)) n = Number(s);
    else return { error: `strconv.Atoi: parsing ${goQuote(s)}: invalid syntax` };
  }
  if (n > 0 && n < 65536) return { port: n };
  return { error: `invalid port number: ${n}` };
}

/** Go's %q for the ASCII strings commands and names are made of. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u001b/g, '\\x1b');
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatURL: scheme://host:port/path (url.URL puts the slash a path without one lacks). */
export function probeUrl(scheme: string, host: string, port: number, path: string): string {
  const p = path === '' || path.startsWith('/') ? path : `/${path}`;
  return `${scheme}://${joinHostPort(host, port)}${p}`;
}

function targetHost(host: string | undefined, target: ProbeTarget): string {
  return host || target.podIP;
}

/** Runs one probe against its container. */
export function runProbe(probe: Probe, c: Container, target: ProbeTarget): ProbeOutcome {
  const { timeoutMs } = probeTimings(probe);
  if (probe.exec) return execProbe(probe.exec.command ?? [], c, target, timeoutMs);
  if (probe.httpGet) {
    const h = probe.httpGet as { path?: string; port: number | string; scheme?: string; host?: string };
    const port = probePort(h.port, c);
    if ('error' in port) return { result: 'error', error: port.error };
    const host = targetHost(h.host, target);
    return httpProbe((h.scheme || 'HTTP').toLowerCase(), host, port.port, h.path ?? '', host === target.podIP ? target : undefined);
  }
  if (probe.tcpSocket) {
    const port = probePort(probe.tcpSocket.port, c);
    if ('error' in port) return { result: 'error', error: port.error };
    const host = targetHost((probe.tcpSocket as { host?: string }).host, target);
    const addr = joinHostPort(host, port.port);
    const l = host === target.podIP ? target.listenerOn(port.port) : undefined;
    return l ? { result: 'success' } : { result: 'failure', output: `dial tcp ${addr}: connect: connection refused` };
  }
  if ((probe as { grpc?: unknown }).grpc) return { result: 'error', error: 'grpc probes are not simulated' };
  // prober.runProbe: no handler is a warning and probe.Unknown, without an error.
  return { result: 'failure', output: '' };
}

/** DoHTTPProbe: 200–399 succeeds; a refused dial or a broken reply is a failure with Go's error text. */
function httpProbe(scheme: string, host: string, port: number, path: string, target: ProbeTarget | undefined): ProbeOutcome {
  const url = probeUrl(scheme, host, port, path);
  const get = `Get ${goQuote(url)}`;
  const l = target?.listenerOn(port);
  if (!l) return { result: 'failure', output: `${get}: dial tcp ${joinHostPort(host, port)}: connect: connection refused` };
  if (l.protocol === 'tcp') {
    // mongod answers an HTTP request with an HTTP reply; redis with a RESP error; the others hang up.
    if (l.banner?.startsWith('It looks like')) return scheme === 'https' ? { result: 'failure', output: `${get}: http: server gave HTTP response to HTTPS client` } : { result: 'success' };
    if (l.banner?.startsWith('-ERR')) return { result: 'failure', output: `${get}: net/http: HTTP/1.x transport connection broken: malformed HTTP response ${goQuote(l.banner.trim())}` };
    return { result: 'failure', output: `${get}: EOF` };
  }
  if (scheme === 'https') return { result: 'failure', output: `${get}: http: server gave HTTP response to HTTPS client` };
  const status = l.request(path.split('?')[0] || '/');
  if (status >= 200 && status < 400) return { result: 'success' };
  return { result: 'failure', output: `HTTP probe failed with statuscode: ${status}` };
}

/** Exec probes: exit 0 succeeds, another code fails with the command's output, a timeout fails, a start error errors. */
function execProbe(command: string[], c: Container, target: ProbeTarget, timeoutMs: number): ProbeOutcome {
  // ExpandContainerCommandOnlyStatic: $(VAR) from the container's literal env values only.
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) if (e.value !== undefined && !e.valueFrom) env[e.name] = e.value;
  const argv = command.map((a) => a.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : name !== undefined && name in env ? env[name] : m)));
  const r = target.exec(argv, timeoutMs);
  if (r.startError) {
    return {
      result: 'error',
      error: `rpc error: code = Unknown desc = failed to exec in container: failed to start exec ${goQuote(r.execId ?? '')}: OCI runtime exec failed: exec failed: unable to start container process: ${r.startError}: unknown`,
    };
  }
  if (!(r.durationMs <= timeoutMs)) return { result: 'failure', output: `command timed out: ${goQuote(argv.join(' '))} timed out after ${goDuration(timeoutMs)}` };
  if (r.exitCode === 0) return { result: 'success' };
  return { result: 'failure', output: r.output };
}

const TYPE_WORD: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** The `Unhealthy` event's message for an outcome that is not a success. */
export function unhealthyMessage(type: ProbeType, o: ProbeOutcome): string | undefined {
  if (o.result === 'failure') return `${TYPE_WORD[type]} probe failed: ${o.output}`;
  if (o.result === 'error') return `${TYPE_WORD[type]} probe errored and resulted in unknown state: ${o.error}`;
  return undefined;
}

/** The `Killing` event's message when a liveness or startup probe has failed failureThreshold times. */
export function probeKillMessage(type: 'liveness' | 'startup', container: string, restart: boolean): string {
  return `Container ${container} failed ${type} probe${restart ? ', will be restarted' : ''}`;
}
