// The server side of a SPDY/3.1 connection as Kubernetes' httpstream/spdy uses it (moby/spdystream): the client opens
// streams (odd ids), the server answers each SYN_STREAM with an empty SYN_REPLY, data flows both ways until each side
// sends FIN (a half-close) or RST_STREAM; PINGs from the client are echoed; GOAWAY ends the connection. No flow
// control is enforced (spdystream sends and honours no WINDOW_UPDATE), and the server opens no streams of its own.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeFrame, encodeFrame, FLAG_FIN, FLAG_UNIDIRECTIONAL, GoAwayStatus, RstStatus, SpdyProtocolError, type SpdyFrame, type SpdyHeaders } from './spdy-frames';
import { HeaderCompressor, HeaderDecompressor } from './spdy-header-codec';

/** Output is cut into DATA frames of at most this many bytes. */
const DATA_CHUNK = 32 * 1024;
/** After GOAWAY the client closes the connection; if it does not, it is dropped after this long (ms). */
const CLOSE_GRACE_MS = 10_000;

/** `Connection: Upgrade` with `Upgrade: SPDY/3.1`, as kubectl before 1.30 asks for exec, attach and port-forward. */
export function isSpdyUpgrade(req: IncomingMessage): boolean {
  const connection = (req.headers.connection ?? '').toLowerCase();
  const upgrade = (req.headers.upgrade ?? '').toLowerCase();
  return connection.split(',').some((t) => t.trim() === 'upgrade') && upgrade.split(',').some((t) => t.trim() === 'spdy/3.1');
}

/** Answers 101 Switching Protocols (with `extraHeaders`) and serves SPDY on the socket; `onStream` gets each stream. */
export function acceptSpdy(socket: Duplex, head: Buffer, extraHeaders: Record<string, string>, onStream: (stream: SpdyStream) => void): SpdyConnection {
  const lines = ['HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade', 'Upgrade: SPDY/3.1', ...Object.entries(extraHeaders).map(([k, v]) => `${k}: ${v}`), '', ''];
  socket.write(lines.join('\r\n'));
  return new SpdyConnection(socket, head, onStream);
}

export class SpdyStream {
  private dataListeners: ((data: Buffer) => void)[] = [];
  private endListeners: (() => void)[] = [];
  /** The client sent FIN or RST_STREAM: nothing more will come. */
  remoteEnded = false;
  /** This side sent FIN or RST_STREAM: nothing more may go. */
  localEnded = false;

  constructor(
    private readonly conn: SpdyConnection,
    readonly id: number,
    readonly headers: SpdyHeaders,
  ) {}

  /** The first value of a header (names are lower case). */
  header(name: string): string | undefined {
    return this.headers[name]?.[0];
  }

  write(data: Buffer): void {
    if (this.localEnded || !data.length) return;
    for (let at = 0; at < data.length; at += DATA_CHUNK) this.conn.send({ type: 'data', streamId: this.id, flags: 0, data: data.subarray(at, at + DATA_CHUNK) });
  }

  /** Half-closes this side: an empty DATA frame with FIN. */
  end(): void {
    if (this.localEnded) return;
    this.localEnded = true;
    this.conn.send({ type: 'data', streamId: this.id, flags: FLAG_FIN, data: Buffer.alloc(0) });
  }

  reset(status: number = RstStatus.Cancel): void {
    if (this.localEnded && this.remoteEnded) return;
    this.localEnded = true;
    this.conn.send({ type: 'rst_stream', streamId: this.id, status });
    this.remoteEnd();
  }

  onData(listener: (data: Buffer) => void): void {
    this.dataListeners.push(listener);
  }

  /** The client will send nothing more on this stream (FIN, reset, or the connection closed). */
  onEnd(listener: () => void): void {
    if (this.remoteEnded) queueMicrotask(listener);
    else this.endListeners.push(listener);
  }

  /** @internal */
  receive(data: Buffer): void {
    if (this.remoteEnded || !data.length) return;
    for (const l of this.dataListeners) l(data);
  }

  /** @internal */
  remoteEnd(): void {
    if (this.remoteEnded) return;
    this.remoteEnded = true;
    for (const l of this.endListeners.splice(0)) l();
  }
}

export class SpdyConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly streams = new Map<number, SpdyStream>();
  private lastStreamId = 0;
  private readonly compressor = new HeaderCompressor();
  private readonly decompressor = new HeaderDecompressor();
  /** Frames are handled one after another (header blocks inflate asynchronously, in order). */
  private inbox: Promise<void> = Promise.resolve();
  /** Frames go out in the order they were sent (header blocks deflate asynchronously, in order). */
  private outbox: Promise<void> = Promise.resolve();
  private closeListeners: (() => void)[] = [];
  private goneAway = false;
  private graceTimer: NodeJS.Timeout | undefined;
  closed = false;

  constructor(
    private readonly socket: Duplex,
    head: Buffer,
    private readonly onStream: (stream: SpdyStream) => void,
  ) {
    if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') (socket.setNoDelay as (b: boolean) => void)(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('end', () => this.finish());
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
    if (head.length) queueMicrotask(() => this.receive(head));
  }

  onClose(listener: () => void): void {
    if (this.closed) queueMicrotask(listener);
    else this.closeListeners.push(listener);
  }

  /** Queues a frame without a header block (DATA, RST_STREAM, PING, GOAWAY). */
  send(frame: SpdyFrame): void {
    this.queue(() => encodeFrame(frame));
  }

  /** Accepts a stream: SYN_REPLY with no headers, as httpstream/spdy replies. */
  private reply(streamId: number): void {
    const block = this.compressor.compress({});
    this.queue(async () => encodeFrame({ type: 'syn_reply', streamId, flags: 0, headerBlock: await block }));
  }

  /** Writes frames in the order they were queued, whether or not their header block is ready yet. */
  private queue(bytes: () => Buffer | Promise<Buffer>): void {
    if (this.closed) return;
    this.outbox = this.outbox
      .then(async () => {
        const b = await bytes();
        if (!this.closed) this.socket.write(b);
      })
      .catch(() => this.destroy());
  }

  /** Ends the connection as the kubelet does once the command is over: GOAWAY, then the client hangs up. */
  goAway(): void {
    if (this.closed || this.goneAway) return;
    this.goneAway = true;
    this.send({ type: 'goaway', lastGoodStreamId: this.lastStreamId, status: GoAwayStatus.Ok });
    this.graceTimer = setTimeout(() => this.destroy(), CLOSE_GRACE_MS);
    this.graceTimer.unref?.();
  }

  destroy(): void {
    this.socket.destroy();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.compressor.close();
    this.decompressor.close();
    for (const s of this.streams.values()) s.remoteEnd();
    for (const l of this.closeListeners.splice(0)) l();
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      let decoded: ReturnType<typeof decodeFrame>;
      try {
        decoded = decodeFrame(this.buffer);
      } catch (e) {
        return this.protocolError(e);
      }
      if (!decoded) return;
      this.buffer = this.buffer.subarray(decoded.length);
      const frame = decoded.frame;
      this.inbox = this.inbox.then(() => this.handle(frame)).catch((e: unknown) => this.protocolError(e));
    }
  }

  private protocolError(e: unknown): void {
    if (this.closed) return;
    if (!(e instanceof SpdyProtocolError)) return this.destroy();
    this.goneAway = true;
    this.send({ type: 'goaway', lastGoodStreamId: this.lastStreamId, status: GoAwayStatus.ProtocolError });
    this.outbox = this.outbox.then(() => void this.socket.end());
  }

  private async handle(frame: SpdyFrame): Promise<void> {
    if (this.closed) return;
    switch (frame.type) {
      case 'syn_stream': {
        // The header block must be inflated even for a refused stream: the zlib stream runs across frames.
        const headers = await this.decompressor.decompress(frame.headerBlock);
        if (this.goneAway) return this.send({ type: 'rst_stream', streamId: frame.streamId, status: RstStatus.RefusedStream });
        if (frame.streamId % 2 === 0 || frame.streamId <= this.lastStreamId) {
          return this.send({ type: 'rst_stream', streamId: frame.streamId, status: this.streams.has(frame.streamId) ? RstStatus.StreamInUse : RstStatus.ProtocolError });
        }
        this.lastStreamId = frame.streamId;
        const stream = new SpdyStream(this, frame.streamId, headers);
        this.streams.set(frame.streamId, stream);
        if (frame.flags & FLAG_UNIDIRECTIONAL) stream.localEnded = true;
        this.reply(frame.streamId);
        this.onStream(stream);
        if (frame.flags & FLAG_FIN) stream.remoteEnd();
        return;
      }
      case 'headers':
        await this.decompressor.decompress(frame.headerBlock);
        if (frame.flags & FLAG_FIN) this.streams.get(frame.streamId)?.remoteEnd();
        return;
      case 'syn_reply':
        // The server opens no streams, so no reply is expected; the block is inflated to keep the zlib stream in step.
        await this.decompressor.decompress(frame.headerBlock);
        return;
      case 'data': {
        const stream = this.streams.get(frame.streamId);
        if (!stream) return;
        stream.receive(frame.data);
        if (frame.flags & FLAG_FIN) stream.remoteEnd();
        return;
      }
      case 'rst_stream': {
        const stream = this.streams.get(frame.streamId);
        if (!stream) return;
        stream.localEnded = true;
        stream.remoteEnd();
        return;
      }
      case 'ping':
        // Client pings have odd ids and are echoed; even ids would answer pings of ours (none are sent).
        if (frame.id % 2 === 1) this.send(frame);
        return;
      case 'goaway':
        this.goneAway = true;
        return;
      case 'settings':
      case 'window_update':
      case 'unknown':
        return;
    }
  }
}
