// pods/exec and pods/attach over SPDY (kubectl before 1.30, or 1.30+ falling back): the remotecommand protocols
// v4/v3/v2/channel.k8s.io negotiated with `X-Stream-Protocol-Version`, then one SPDY stream per `streamType` header
// (error, stdin, stdout, stderr, resize) opened by the client; the session starts once all the query asked for are open.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseTerminalSize, type ExecChannels, type ExecStatus, type TerminalSize } from './exec-channels';
import { acceptSpdy, type SpdyConnection, type SpdyStream } from './spdy-connection';

/** The remotecommand protocols served over SPDY, most preferred first (as the kubelet lists them). */
export const SPDY_STREAM_PROTOCOLS = ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];
/** The kubelet's default stream creation timeout: the client must open its streams within it (ms). */
const STREAM_CREATION_TIMEOUT_MS = 30_000;

type StreamType = 'error' | 'stdin' | 'stdout' | 'stderr' | 'resize';

/** Which streams the request asks for (its `stdin`, `stdout`, `stderr` and `tty` query parameters). */
export interface StreamOptions {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** The protocols a client offers (`X-Stream-Protocol-Version`, repeated or comma-joined). */
export function offeredStreamProtocols(req: IncomingMessage): string[] {
  const header = req.headers['x-stream-protocol-version'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The first protocol the client offers that is served, as httpstream.Handshake picks it. */
export function negotiateStreamProtocol(offered: string[]): string | undefined {
  return offered.find((p) => SPDY_STREAM_PROTOCOLS.includes(p));
}

/** The stream types the client must open for `options` under `protocol`. */
export function expectedStreams(protocol: string, options: StreamOptions): StreamType[] {
  const types: StreamType[] = ['error'];
  if (options.stdin) types.push('stdin');
  if (options.stdout) types.push('stdout');
  // Over channel.k8s.io (v1) the client opens stderr even with a terminal.
  if (options.stderr && (!options.tty || protocol === 'channel.k8s.io')) types.push('stderr');
  if (options.tty && (protocol === 'v4.channel.k8s.io' || protocol === 'v3.channel.k8s.io')) types.push('resize');
  return types;
}

/**
 * Answers 101 with the negotiated protocol, waits for the client's streams, then hands the channels to `ready`. If
 * the streams do not all arrive in time, the connection is dropped as the kubelet drops it.
 */
export function acceptSpdyChannels(socket: Duplex, head: Buffer, protocol: string, options: StreamOptions, ready: (channels: ExecChannels) => void): void {
  const want = expectedStreams(protocol, options);
  const streams = new Map<StreamType, SpdyStream>();
  let started = false;
  const conn = acceptSpdy(socket, head, { 'X-Stream-Protocol-Version': protocol }, (stream) => {
    const type = stream.header('streamtype') as StreamType | undefined;
    if (started || !type || !want.includes(type) || streams.has(type)) {
      // A stream the session has no use for: the kubelet logs and ignores it; here it is reset.
      stream.reset();
      return;
    }
    streams.set(type, stream);
    if (streams.size === want.length) {
      started = true;
      clearTimeout(timer);
      ready(new SpdyChannels(conn, streams, protocol));
    }
  });
  const timer = setTimeout(() => conn.goAway(), STREAM_CREATION_TIMEOUT_MS);
  timer.unref?.();
  conn.onClose(() => clearTimeout(timer));
}

class SpdyChannels implements ExecChannels {
  private stdinData: Buffer[] = [];
  private stdinListeners: ((data: Buffer) => void)[] = [];
  private resizeText = '';
  private resizeListeners: ((size: TerminalSize) => void)[] = [];
  private ended = false;

  constructor(
    private readonly conn: SpdyConnection,
    private readonly streams: Map<StreamType, SpdyStream>,
    private readonly protocol: string,
  ) {
    // Input that arrives before a listener is attached is kept for it.
    streams.get('stdin')?.onData((data) => {
      if (this.stdinListeners.length) for (const l of this.stdinListeners) l(data);
      else this.stdinData.push(data);
    });
    streams.get('resize')?.onData((data) => this.resize(data));
  }

  write(stream: 'stdout' | 'stderr', text: string): void {
    // With a terminal there is no stderr stream: its text goes to stdout, as the terminal merges them.
    (this.streams.get(stream) ?? this.streams.get('stdout'))?.write(Buffer.from(text, 'utf8'));
  }

  onStdin(listener: (data: Buffer) => void): void {
    this.stdinListeners.push(listener);
    for (const d of this.stdinData.splice(0)) listener(d);
  }

  onStdinEnd(listener: () => void): void {
    this.streams.get('stdin')?.onEnd(listener);
  }

  onResize(listener: (size: TerminalSize) => void): void {
    this.resizeListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.conn.onClose(listener);
  }

  /** The status on the error stream (JSON from v4 on, else the failure's message), FIN on every output stream, GOAWAY. */
  end(status: ExecStatus): void {
    if (this.ended) return;
    this.ended = true;
    const error = this.streams.get('error');
    if (this.protocol === 'v4.channel.k8s.io') error?.write(Buffer.from(JSON.stringify({ metadata: {}, ...status }), 'utf8'));
    else if (status.status !== 'Success') error?.write(Buffer.from(status.message ?? 'error executing command', 'utf8'));
    for (const type of ['stdout', 'stderr', 'error'] as const) this.streams.get(type)?.end();
    this.conn.goAway();
  }

  /** kubectl writes each size as a JSON object followed by a newline. */
  private resize(data: Buffer): void {
    this.resizeText += data.toString('utf8');
    for (let nl = this.resizeText.indexOf('\n'); nl >= 0; nl = this.resizeText.indexOf('\n')) {
      const size = parseTerminalSize(this.resizeText.slice(0, nl));
      this.resizeText = this.resizeText.slice(nl + 1);
      if (size) for (const l of this.resizeListeners) l(size);
    }
  }
}
