// SPDY/3.1 frames as Kubernetes' httpstream/spdy exchanges them (moby/spdystream): encode and decode, header blocks
// kept compressed here (spdy-header-codec.ts inflates and deflates them). Control frames: 1 bit set, 15-bit version,
// 16-bit type, 8-bit flags, 24-bit length. Data frames: 1 bit clear, 31-bit stream id, 8-bit flags, 24-bit length.

export const SPDY_VERSION = 3;
export const FLAG_FIN = 0x01;
export const FLAG_UNIDIRECTIONAL = 0x02;
/** The longest payload a frame can carry (24-bit length). */
export const MAX_FRAME_PAYLOAD = 0xffffff;

/** Control frame types (SPDY/3 §2.6). */
export const ControlType = { SynStream: 1, SynReply: 2, RstStream: 3, Settings: 4, Ping: 6, GoAway: 7, Headers: 8, WindowUpdate: 9 } as const;

/** RST_STREAM status codes (SPDY/3 §2.4.2). */
export const RstStatus = { ProtocolError: 1, InvalidStream: 2, RefusedStream: 3, UnsupportedVersion: 4, Cancel: 5, InternalError: 6, FlowControlError: 7, StreamInUse: 8, StreamAlreadyClosed: 9 } as const;
/** GOAWAY status codes. */
export const GoAwayStatus = { Ok: 0, ProtocolError: 1, InternalError: 2 } as const;

export interface SettingsEntry {
  flags: number;
  id: number;
  value: number;
}

export type SpdyFrame =
  | { type: 'data'; streamId: number; flags: number; data: Buffer }
  | { type: 'syn_stream'; streamId: number; associatedTo: number; priority: number; slot: number; flags: number; headerBlock: Buffer }
  | { type: 'syn_reply'; streamId: number; flags: number; headerBlock: Buffer }
  | { type: 'headers'; streamId: number; flags: number; headerBlock: Buffer }
  | { type: 'rst_stream'; streamId: number; status: number }
  | { type: 'settings'; flags: number; entries: SettingsEntry[] }
  | { type: 'ping'; id: number }
  | { type: 'goaway'; lastGoodStreamId: number; status: number }
  | { type: 'window_update'; streamId: number; delta: number }
  /** A control frame of a type SPDY/3.1 does not define (ignored, as the spec asks). */
  | { type: 'unknown'; controlType: number; flags: number; payload: Buffer };

/** A frame that breaks the protocol; the session answers with GOAWAY PROTOCOL_ERROR. */
export class SpdyProtocolError extends Error {}

const STREAM_ID = 0x7fffffff;

/** The bytes of one frame. */
export function encodeFrame(frame: SpdyFrame): Buffer {
  switch (frame.type) {
    case 'data': {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(frame.streamId & STREAM_ID, 0);
      head.writeUInt32BE(((frame.flags & 0xff) << 24 | frame.data.length) >>> 0, 4);
      return Buffer.concat([head, frame.data]);
    }
    case 'syn_stream': {
      const body = Buffer.alloc(10);
      body.writeUInt32BE(frame.streamId & STREAM_ID, 0);
      body.writeUInt32BE(frame.associatedTo & STREAM_ID, 4);
      body[8] = (frame.priority & 0x07) << 5;
      body[9] = frame.slot & 0xff;
      return control(ControlType.SynStream, frame.flags, Buffer.concat([body, frame.headerBlock]));
    }
    case 'syn_reply':
    case 'headers':
      return control(frame.type === 'syn_reply' ? ControlType.SynReply : ControlType.Headers, frame.flags, Buffer.concat([u32(frame.streamId & STREAM_ID), frame.headerBlock]));
    case 'rst_stream':
      return control(ControlType.RstStream, 0, Buffer.concat([u32(frame.streamId & STREAM_ID), u32(frame.status)]));
    case 'settings': {
      const body = Buffer.alloc(4 + 8 * frame.entries.length);
      body.writeUInt32BE(frame.entries.length, 0);
      frame.entries.forEach((e, i) => {
        body.writeUInt32BE(((e.flags & 0xff) << 24 | (e.id & 0xffffff)) >>> 0, 4 + 8 * i);
        body.writeUInt32BE(e.value >>> 0, 8 + 8 * i);
      });
      return control(ControlType.Settings, frame.flags, body);
    }
    case 'ping':
      return control(ControlType.Ping, 0, u32(frame.id));
    case 'goaway':
      return control(ControlType.GoAway, 0, Buffer.concat([u32(frame.lastGoodStreamId & STREAM_ID), u32(frame.status)]));
    case 'window_update':
      return control(ControlType.WindowUpdate, 0, Buffer.concat([u32(frame.streamId & STREAM_ID), u32(frame.delta & STREAM_ID)]));
    case 'unknown':
      return control(frame.controlType, frame.flags, frame.payload);
  }
}

function control(type: number, flags: number, payload: Buffer): Buffer {
  if (payload.length > MAX_FRAME_PAYLOAD) throw new RangeError(`SPDY frame payload too long: ${payload.length}`);
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | SPDY_VERSION, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(((flags & 0xff) << 24 | payload.length) >>> 0, 4);
  return Buffer.concat([head, payload]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** The frame at the start of `buf` and its size in bytes, or undefined until all of it has arrived. */
export function decodeFrame(buf: Buffer): { frame: SpdyFrame; length: number } | undefined {
  if (buf.length < 8) return undefined;
  const word = buf.readUInt32BE(0);
  const flags = buf[4];
  const len = buf.readUInt32BE(4) & 0xffffff;
  if (buf.length < 8 + len) return undefined;
  const p = Buffer.from(buf.subarray(8, 8 + len));
  const length = 8 + len;
  if ((word & 0x80000000) === 0) {
    const streamId = word & STREAM_ID;
    if (streamId === 0) throw new SpdyProtocolError('data frame on stream 0');
    return { frame: { type: 'data', streamId, flags, data: p }, length };
  }
  const version = (word >>> 16) & 0x7fff;
  if (version !== SPDY_VERSION) throw new SpdyProtocolError(`unsupported SPDY version ${version}`);
  const type = word & 0xffff;
  const need = (n: number) => {
    if (len < n) throw new SpdyProtocolError(`control frame ${type} too short (${len} bytes)`);
  };
  switch (type) {
    case ControlType.SynStream:
      need(10);
      return { frame: { type: 'syn_stream', streamId: nonZero(p.readUInt32BE(0) & STREAM_ID), associatedTo: p.readUInt32BE(4) & STREAM_ID, priority: p[8] >> 5, slot: p[9], flags, headerBlock: p.subarray(10) }, length };
    case ControlType.SynReply:
    case ControlType.Headers:
      need(4);
      return { frame: { type: type === ControlType.SynReply ? 'syn_reply' : 'headers', streamId: nonZero(p.readUInt32BE(0) & STREAM_ID), flags, headerBlock: p.subarray(4) }, length };
    case ControlType.RstStream:
      need(8);
      return { frame: { type: 'rst_stream', streamId: nonZero(p.readUInt32BE(0) & STREAM_ID), status: p.readUInt32BE(4) }, length };
    case ControlType.Settings: {
      need(4);
      const n = p.readUInt32BE(0);
      if (len !== 4 + 8 * n) throw new SpdyProtocolError(`SETTINGS frame of ${len} bytes for ${n} entries`);
      const entries: SettingsEntry[] = [];
      for (let i = 0; i < n; i++) {
        const idWord = p.readUInt32BE(4 + 8 * i);
        entries.push({ flags: idWord >>> 24, id: idWord & 0xffffff, value: p.readUInt32BE(8 + 8 * i) });
      }
      return { frame: { type: 'settings', flags, entries }, length };
    }
    case ControlType.Ping:
      need(4);
      return { frame: { type: 'ping', id: p.readUInt32BE(0) }, length };
    case ControlType.GoAway:
      need(8);
      return { frame: { type: 'goaway', lastGoodStreamId: p.readUInt32BE(0) & STREAM_ID, status: p.readUInt32BE(4) }, length };
    case ControlType.WindowUpdate:
      need(8);
      return { frame: { type: 'window_update', streamId: p.readUInt32BE(0) & STREAM_ID, delta: p.readUInt32BE(4) & STREAM_ID }, length };
    default:
      return { frame: { type: 'unknown', controlType: type, flags, payload: p }, length };
  }
}

function nonZero(streamId: number): number {
  if (streamId === 0) throw new SpdyProtocolError('stream id 0 is not allowed');
  return streamId;
}

/** Header names (lower case) to values; SPDY joins several values of one name with NUL. */
export type SpdyHeaders = Record<string, string[]>;

/** The uncompressed header block: a 32-bit count, then each name and value as 32-bit length and bytes. */
export function encodeHeaderBlock(headers: SpdyHeaders): Buffer {
  const names = Object.keys(headers);
  const parts: Buffer[] = [u32(names.length)];
  for (const name of names) {
    const n = Buffer.from(name.toLowerCase(), 'utf8');
    const v = Buffer.from(headers[name].join('\0'), 'utf8');
    parts.push(u32(n.length), n, u32(v.length), v);
  }
  return Buffer.concat(parts);
}

export function decodeHeaderBlock(block: Buffer): SpdyHeaders {
  let at = 0;
  const take = (n: number) => {
    if (at + n > block.length) throw new SpdyProtocolError('header block cut short');
    const b = block.subarray(at, at + n);
    at += n;
    return b;
  };
  const count = take(4).readUInt32BE(0);
  const headers: SpdyHeaders = {};
  for (let i = 0; i < count; i++) {
    const name = take(take(4).readUInt32BE(0)).toString('utf8').toLowerCase();
    const value = take(take(4).readUInt32BE(0)).toString('utf8');
    headers[name] = [...(headers[name] ?? []), ...value.split('\0')];
  }
  if (at !== block.length) throw new SpdyProtocolError('bytes left over after the header block');
  return headers;
}
