// The pod subresources that stream: `pods/log` (plain text, `follow` as simulated time runs), and `pods/exec` /
// `pods/attach` over WebSocket with the v5.channel.k8s.io subprotocol (kubectl 1.30+: one byte of channel, 0 stdin,
// 1 stdout, 2 stderr, 3 status, 4 resize, 255 close, then the data) or over SPDY/3.1 (kubectl before 1.30: one SPDY
// stream per channel, spdy-channels.ts). Both carry the same ExecChannels, so a command runs the same way over either.
// Everything runs through the Session, so a command typed in the terminal is journaled and animates in the app like
// one typed in its console.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Pod } from '../../src/api/pod';
import type { Session } from '../../src/host/session';
import { containerLogLines, liveContainer } from '../../src/runtime/container-exec';
import { acceptWebSocket, isWebSocketUpgrade, offeredProtocols } from './websocket';
import { exitStatus, websocketChannels, type ExecChannels } from './exec-channels';
import { isSpdyUpgrade } from './spdy-connection';
import { acceptSpdyChannels, negotiateStreamProtocol, offeredStreamProtocols, SPDY_STREAM_PROTOCOLS } from './spdy-channels';
import { jsonReply, statusBody, type HttpReply } from './status';

export const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

/** A pod subresource request: which pod, which subresource, and its query. */
export interface PodStreamTarget {
  namespace: string;
  name: string;
  subresource: 'log' | 'exec' | 'attach';
  query: URLSearchParams;
}

/** `GET …/pods/NAME/log`: the whole text, or a stream when following. */
export type LogResponse = { reply: HttpReply } | { follow: (write: (text: string) => void, end: () => void) => () => void };

export class PodStreams {
  constructor(private readonly session: Session) {}

  private get sim() {
    return this.session.sim;
  }

  /** pods/log: what `kubectl logs` prints, from the emulation's kubelet; `follow` streams new lines as time runs. */
  logs(t: PodStreamTarget): LogResponse {
    const pod = this.sim.api.tryGet<Pod>('Pod', t.namespace, t.name);
    if (!pod) return { reply: jsonReply(404, statusBody(404, 'NotFound', `pods "${t.name}" not found`, { name: t.name, kind: 'pods' })) };
    const container = t.query.get('container') || pod.spec.containers[0]?.name;
    if (!pod.spec.containers.some((c) => c.name === container) && !(pod.spec.initContainers ?? []).some((c) => c.name === container)) {
      return { reply: jsonReply(400, statusBody(400, 'BadRequest', `container ${container} is not valid for pod ${t.name}`)) };
    }
    const args = ['logs', '-n', t.namespace, t.name, '-c', container];
    if (isTrue(t.query.get('previous'))) args.push('--previous');
    if (isTrue(t.query.get('timestamps'))) args.push('--timestamps');
    if (t.query.get('tailLines')) args.push(`--tail=${t.query.get('tailLines')}`);
    if (t.query.get('sinceSeconds')) args.push(`--since=${t.query.get('sinceSeconds')}s`);
    if (t.query.get('sinceTime')) args.push(`--since-time=${t.query.get('sinceTime')}`);
    // The emulation's kubectl logs prints what the kubelet serves; its refusals are the kubelet's BadRequest texts.
    const r = this.session.sim && runLogs(this.session, args);
    if (r.exitCode !== 0) {
      const message = r.stderr.replace(/^Error from server \(BadRequest\): /, '').replace(/^error: /, '').trimEnd();
      return { reply: jsonReply(400, statusBody(400, 'BadRequest', message)) };
    }
    const text = limitBytes(r.stdout, t.query.get('limitBytes'));
    if (!isTrue(t.query.get('follow')) || isTrue(t.query.get('previous'))) return { reply: { status: 200, headers: { 'Content-Type': 'text/plain' }, body: text } };
    const timestamps = isTrue(t.query.get('timestamps'));
    return {
      follow: (write, end) => {
        write(text);
        let sent = containerLogLines(this.sim, pod, container).length;
        let k = sent;
        const poll = setInterval(() => {
          const lines = containerLogLines(this.sim, pod, container);
          for (const l of lines.slice(sent)) write(`${timestamps ? `${stamp(l[0], k++)} ` : ''}${l[2]}\n`);
          sent = lines.length;
          if (!this.running(pod, container)) {
            clearInterval(poll);
            end();
          }
        }, 50);
        return () => clearInterval(poll);
      },
    };
  }

  private running(pod: Pod, container: string): boolean {
    const fresh = this.sim.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name!);
    if (!fresh || fresh.metadata.uid !== pod.metadata.uid) return false;
    const st = fresh.status?.containerStatuses?.find((s) => s.name === container);
    return !!st?.state.running || !!st?.state.waiting;
  }

  /**
   * pods/exec and pods/attach: refuses what the API server refuses before the upgrade (an HTTP reply), else upgrades
   * to WebSocket (v5/v4.channel.k8s.io) or SPDY/3.1 (v4…v1 negotiated with X-Stream-Protocol-Version) and runs the
   * command on the channels.
   */
  upgrade(t: PodStreamTarget, req: IncomingMessage, socket: Duplex, head: Buffer): HttpReply | undefined {
    const pod = this.sim.api.tryGet<Pod>('Pod', t.namespace, t.name);
    if (!pod) return jsonReply(404, statusBody(404, 'NotFound', `pods "${t.name}" not found`, { name: t.name, kind: 'pods' }));
    const container = t.query.get('container') || pod.spec.containers[0]?.name;
    const phase = pod.status?.phase;
    if (t.subresource === 'exec' && (phase === 'Succeeded' || phase === 'Failed')) {
      return jsonReply(400, statusBody(400, 'BadRequest', `cannot exec into a container in a completed pod; current phase is ${phase}`));
    }
    const declared = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === container);
    if (!declared) return jsonReply(400, statusBody(400, 'BadRequest', `container ${container} is not valid for pod ${t.name}`));
    if (!pod.spec.nodeName) return jsonReply(400, statusBody(400, 'BadRequest', 'pod does not have a host assigned'));
    if (!liveContainer(this.sim, pod, container)) return jsonReply(400, statusBody(400, 'BadRequest', `container not found ("${container}")`));
    const run = (channels: ExecChannels) => {
      if (t.subresource === 'attach') this.attach(channels, pod, container);
      else this.exec(channels, pod, container, t.query);
    };
    if (isSpdyUpgrade(req)) {
      const offered = offeredStreamProtocols(req);
      if (!offered.length) return jsonReply(400, statusBody(400, 'BadRequest', 'unable to upgrade: X-Stream-Protocol-Version is required'));
      const protocol = negotiateStreamProtocol(offered);
      if (!protocol) {
        return jsonReply(403, statusBody(403, 'Forbidden', `unable to upgrade: unable to negotiate protocol: client supports [${offered.join(' ')}], server accepts [${SPDY_STREAM_PROTOCOLS.join(' ')}]`));
      }
      const q = t.query;
      acceptSpdyChannels(socket, head, protocol, { stdin: isTrue(q.get('stdin')), stdout: isTrue(q.get('stdout')), stderr: isTrue(q.get('stderr')), tty: isTrue(q.get('tty')) }, run);
      return undefined;
    }
    if (!isWebSocketUpgrade(req)) return jsonReply(400, statusBody(400, 'BadRequest', 'Upgrade request required'));
    const protocol = offeredProtocols(req).find((p) => CHANNEL_PROTOCOLS.includes(p));
    if (!protocol) return jsonReply(400, statusBody(400, 'BadRequest', `none of the offered subprotocols is supported (want one of ${CHANNEL_PROTOCOLS.join(', ')})`));
    run(websocketChannels(acceptWebSocket(req, socket, head, protocol)));
    return undefined;
  }

  private exec(channels: ExecChannels, pod: Pod, container: string, q: URLSearchParams): void {
    const argv = q.getAll('command');
    const tty = isTrue(q.get('tty'));
    const stdin = isTrue(q.get('stdin'));
    const ns = pod.metadata.namespace ?? 'default';
    if (tty && stdin) {
      const words = ['kubectl', 'exec', '-ti', '-n', ns, pod.metadata.name!, '-c', container, '--', ...argv].map(shellWord).join(' ');
      const r = this.session.run(words, '', undefined, true);
      if (!r.interactive) {
        // Not a shell the emulation runs interactively (`exec -ti POD -- ls`): run it once, through the terminal.
        this.runOnce(channels, pod, container, argv, '', true);
        return;
      }
      new TerminalSession(channels, this.session, r.interactive.id, r.interactive.prompt);
      return;
    }
    if (!stdin) {
      this.runOnce(channels, pod, container, argv, '', tty);
      return;
    }
    // Non-terminal stdin (`echo hi | kubectl exec -i POD -- cat`): the input is read to its end, then the command runs.
    const chunks: Buffer[] = [];
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      this.runOnce(channels, pod, container, argv, Buffer.concat(chunks).toString('utf8'), tty);
    };
    channels.onStdin((data) => chunks.push(data));
    channels.onStdinEnd(start);
    channels.onClose(start);
  }

  private runOnce(channels: ExecChannels, pod: Pod, container: string, argv: string[], input: string, tty: boolean): void {
    const args = ['exec', ...(input ? ['-i'] : []), '-n', pod.metadata.namespace ?? 'default', pod.metadata.name!, '-c', container, '--', ...argv];
    const r = this.session.runArgv(args, input);
    let stderr = r.stderr;
    const m = /command terminated with exit code (\d+)\n$/.exec(stderr);
    if (m) stderr = stderr.slice(0, m.index);
    else if (r.exitCode !== 0 && /^error: /m.test(stderr)) {
      // The emulation refused to run it (start error…): the API server reports it as a Status failure.
      channels.end({ status: 'Failure', message: stderr.replace(/^error: /, '').trimEnd() });
      return;
    }
    const out = tty ? r.stdout.replace(/\r?\n/g, '\r\n') : r.stdout;
    if (out) channels.write('stdout', out);
    if (stderr) channels.write(tty ? 'stdout' : 'stderr', tty ? stderr.replace(/\r?\n/g, '\r\n') : stderr);
    channels.end(exitStatus(r.exitCode, argv));
  }

  /** pods/attach: what the container writes from now on, until it stops (its input is not simulated). */
  private attach(channels: ExecChannels, pod: Pod, container: string): void {
    let sent = containerLogLines(this.sim, pod, container).length;
    const poll = setInterval(() => {
      const lines = containerLogLines(this.sim, pod, container);
      for (const l of lines.slice(sent)) channels.write(l[1] === 'stderr' ? 'stderr' : 'stdout', `${l[2]}\n`);
      sent = lines.length;
      if (!this.running(pod, container)) {
        clearInterval(poll);
        channels.end(exitStatus(0, []));
      }
    }, 50);
    channels.onClose(() => clearInterval(poll));
  }
}

/** `kubectl exec -ti`: the terminal's line discipline (echo, backspace, Enter, Ctrl-C, Ctrl-D) over the session's shell. */
class TerminalSession {
  private line = '';
  private escape = 0;
  private open = true;

  constructor(
    private readonly channels: ExecChannels,
    private readonly session: Session,
    private readonly id: number,
    prompt: string,
  ) {
    this.out(prompt);
    channels.onStdin((data) => this.keys(data.toString('utf8')));
    channels.onStdinEnd(() => this.enter(null));
    // The emulated shell does not wrap or redraw: a new terminal size changes nothing it prints.
    channels.onResize(() => undefined);
    channels.onClose(() => {
      if (this.open) this.session.input(this.id, null);
      this.open = false;
    });
  }

  private out(text: string): void {
    if (text) this.channels.write('stdout', text.replace(/\r?\n/g, '\r\n'));
  }

  private keys(text: string): void {
    for (const ch of text) {
      if (!this.open) return;
      if (this.escape) {
        // ESC [ A … : cursor keys and the like are not simulated.
        if (this.escape === 1 && ch === '[') this.escape = 2;
        else if (this.escape === 2 && /[0-9;]/.test(ch)) this.escape = 2;
        else this.escape = 0;
        continue;
      }
      switch (ch) {
        case '\x1b':
          this.escape = 1;
          break;
        case '\r':
        case '\n':
          this.out('\r\n');
          this.enter(this.line);
          break;
        case '\x7f':
        case '\b':
          if (this.line) {
            this.line = this.line.slice(0, -1);
            this.out('\b \b');
          }
          break;
        case '\x03':
          this.line = '';
          this.out('^C\r\n');
          this.enter('');
          break;
        case '\x04':
          if (!this.line) {
            this.out('\r\n');
            this.enter(null);
          }
          break;
        default:
          if (ch >= ' ' || ch === '\t') {
            this.line += ch;
            this.out(ch);
          }
      }
    }
  }

  private enter(line: string | null): void {
    if (!this.open) return;
    this.line = '';
    const r = this.session.input(this.id, line);
    const output = r.output.replace(/command terminated with exit code \d+\n$/, '');
    this.out(output + (r.exited === undefined ? r.prompt : ''));
    if (r.exited !== undefined) {
      this.open = false;
      this.channels.end(exitStatus(r.exited, ['sh']));
    }
  }
}

function runLogs(session: Session, args: string[]): { stdout: string; stderr: string; exitCode: number } {
  return session.runArgv(args);
}

function limitBytes(text: string, limit: string | null): string {
  const n = Number(limit ?? 0);
  if (!(n > 0)) return text;
  return Buffer.from(text, 'utf8').subarray(0, n).toString('utf8');
}

/** RFC3339Nano as the emulation's `kubectl logs --timestamps` stamps lines (src/kubectl/commands/logs.ts). */
function stamp(ms: number, k: number): string {
  const iso = new Date(ms).toISOString();
  const nanos = String((ms * 7919 + k * 104_729) % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, 23)}${nanos}Z`;
}

function shellWord(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

function isTrue(v: string | null): boolean {
  return v === 'true' || v === '1';
}
