// A WebSocket server endpoint (RFC 6455) on Node's upgrade event: the handshake with a chosen subprotocol, framing
// both ways (client frames masked, server frames not, fragments joined, ping answered), and close.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A peer sending more than this in one message is cut off (kubectl sends small stdin chunks). */
const MAX_MESSAGE = 16 * 1024 * 1024;

export interface WebSocketConnection {
  protocol: string;
  send(data: Buffer): void;
  close(code?: number): void;
  onMessage(listener: (data: Buffer) => void): void;
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

/** The subprotocols a client offers (`Sec-WebSocket-Protocol: a, b`). */
export function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket' && typeof req.headers['sec-websocket-key'] === 'string';
}

/** Answers 101 Switching Protocols with `protocol` and returns the connection. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string): WebSocketConnection {
  const accept = createHash('sha1').update(`${req.headers['sec-websocket-key'] as string}${GUID}`).digest('base64');
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, `Sec-WebSocket-Protocol: ${protocol}`, '', ''].join('\r\n'));
  return new Connection(socket, protocol, head);
}

class Connection implements WebSocketConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private messageListeners: ((data: Buffer) => void)[] = [];
  private closeListeners: (() => void)[] = [];
  closed = false;

  constructor(
    private readonly socket: Duplex,
    readonly protocol: string,
    head: Buffer,
  ) {
    if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') (socket.setNoDelay as (b: boolean) => void)(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
    if (head.length) queueMicrotask(() => this.receive(head));
  }

  onMessage(listener: (data: Buffer) => void): void {
    this.messageListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  send(data: Buffer): void {
    if (this.closed) return;
    this.socket.write(frame(0x2, data));
  }

  close(code = 1000): void {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.write(frame(0x8, payload));
    this.socket.end();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.closeListeners) l();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const f = parseFrame(this.buffer);
      if (!f) return;
      this.buffer = this.buffer.subarray(f.length);
      if (f.payload.length > MAX_MESSAGE) return this.close(1009);
      switch (f.opcode) {
        case 0x0:
        case 0x1:
        case 0x2:
          this.fragments.push(f.payload);
          if (f.fin) {
            const data = Buffer.concat(this.fragments);
            this.fragments = [];
            for (const l of this.messageListeners) l(data);
          }
          break;
        case 0x8:
          this.close(1000);
          return;
        case 0x9:
          if (!this.closed) this.socket.write(frame(0xa, f.payload));
          break;
      }
    }
  }
}

function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const header = n < 126 ? Buffer.alloc(2) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (n < 126) header[1] = n;
  else if (n < 65536) {
    header[1] = 126;
    header.writeUInt16BE(n, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([header, payload]);
}

/** One frame from the start of `buf`, or undefined if it has not all arrived. */
export function parseFrame(buf: Buffer): { fin: boolean; opcode: number; payload: Buffer; length: number } | undefined {
  if (buf.length < 2) return undefined;
  const fin = (buf[0] & 0x80) !== 0;
  const opcode = buf[0] & 0x0f;
  const masked = (buf[1] & 0x80) !== 0;
  let len = buf[1] & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskAt = offset;
  if (masked) offset += 4;
  if (buf.length < offset + len) return undefined;
  const payload = Buffer.from(buf.subarray(offset, offset + len));
  if (masked) for (let i = 0; i < len; i++) payload[i] ^= buf[maskAt + (i % 4)];
  return { fin, opcode, payload, length: offset + len };
}
