// The SPDY/3.1 framer and header block compression, byte for byte.
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SPDY_DICTIONARY } from './spdy-dictionary';
import { decodeFrame, decodeHeaderBlock, encodeFrame, encodeHeaderBlock, FLAG_FIN, SpdyProtocolError, type SpdyFrame, type SpdyHeaders } from './spdy-frames';
import { HeaderCompressor, HeaderDecompressor } from './spdy-header-codec';

const FRAMES: SpdyFrame[] = [
  { type: 'data', streamId: 5, flags: 0, data: Buffer.from('hello') },
  { type: 'data', streamId: 0x7fffffff, flags: FLAG_FIN, data: Buffer.alloc(0) },
  { type: 'syn_stream', streamId: 1, associatedTo: 0, priority: 0, slot: 0, flags: 0, headerBlock: Buffer.from([1, 2, 3]) },
  { type: 'syn_stream', streamId: 3, associatedTo: 1, priority: 7, slot: 2, flags: 0x03, headerBlock: Buffer.alloc(0) },
  { type: 'syn_reply', streamId: 1, flags: FLAG_FIN, headerBlock: Buffer.from([9, 9]) },
  { type: 'headers', streamId: 7, flags: 0, headerBlock: Buffer.from([4]) },
  { type: 'rst_stream', streamId: 3, status: 5 },
  { type: 'settings', flags: 1, entries: [{ flags: 1, id: 7, value: 65536 }, { flags: 0, id: 4, value: 100 }] },
  { type: 'ping', id: 0xffffffff },
  { type: 'goaway', lastGoodStreamId: 9, status: 1 },
  { type: 'window_update', streamId: 1, delta: 0x7fffffff },
  { type: 'unknown', controlType: 10, flags: 0, payload: Buffer.from('credential') },
];

describe('SPDY frames', () => {
  it.each(FRAMES.map((f) => [f.type, f] as const))('decodes what it encodes (%s)', (_type, frame) => {
    const bytes = encodeFrame(frame);
    expect(decodeFrame(bytes)).toEqual({ frame, length: bytes.length });
  });

  it('lays out a control frame as version 3, type, flags and length', () => {
    expect(encodeFrame({ type: 'ping', id: 1 }).toString('hex')).toBe('80030006' + '00000004' + '00000001');
    expect(encodeFrame({ type: 'rst_stream', streamId: 3, status: 5 }).toString('hex')).toBe('80030003' + '00000008' + '00000003' + '00000005');
  });

  it('lays out a data frame as stream id, flags and length', () => {
    expect(encodeFrame({ type: 'data', streamId: 3, flags: FLAG_FIN, data: Buffer.from('ab') }).toString('hex')).toBe('00000003' + '01000002' + '6162');
  });

  it('waits for the rest of a frame that has not all arrived', () => {
    const bytes = encodeFrame({ type: 'data', streamId: 1, flags: 0, data: Buffer.from('abcdef') });
    for (let n = 0; n < bytes.length; n++) expect(decodeFrame(bytes.subarray(0, n))).toBeUndefined();
  });

  it('reads one frame at a time from a buffer holding several', () => {
    const a = encodeFrame({ type: 'ping', id: 1 });
    const b = encodeFrame({ type: 'data', streamId: 1, flags: 0, data: Buffer.from('x') });
    const first = decodeFrame(Buffer.concat([a, b]))!;
    expect(first.frame).toEqual({ type: 'ping', id: 1 });
    expect(decodeFrame(Buffer.concat([a, b]).subarray(first.length))!.frame).toMatchObject({ type: 'data', data: Buffer.from('x') });
  });

  it('refuses another SPDY version and stream id 0', () => {
    const v2 = encodeFrame({ type: 'ping', id: 1 });
    v2.writeUInt16BE(0x8002, 0);
    expect(() => decodeFrame(v2)).toThrow(SpdyProtocolError);
    expect(() => decodeFrame(encodeFrame({ type: 'data', streamId: 0, flags: 0, data: Buffer.alloc(0) }))).toThrow(SpdyProtocolError);
    expect(() => decodeFrame(encodeFrame({ type: 'rst_stream', streamId: 0, status: 1 }))).toThrow(SpdyProtocolError);
  });
});

describe('SPDY header blocks', () => {
  it('writes lower-case names and NUL-joined values, each with a 32-bit length', () => {
    const block = encodeHeaderBlock({ streamType: ['error'], a: ['1', '2'] });
    expect(block.toString('hex')).toBe('00000002' + '0000000a' + Buffer.from('streamtype').toString('hex') + '00000005' + Buffer.from('error').toString('hex') + '00000001' + '61' + '00000003' + '310032');
    expect(decodeHeaderBlock(block)).toEqual({ streamtype: ['error'], a: ['1', '2'] });
  });

  it('refuses a block that is cut short', () => {
    const block = encodeHeaderBlock({ streamtype: ['stdout'] });
    expect(() => decodeHeaderBlock(block.subarray(0, block.length - 1))).toThrow(SpdyProtocolError);
  });

  it('uses the 1423-byte SPDY/3 dictionary', () => {
    expect(SPDY_DICTIONARY.length).toBe(1423);
    expect(createHash('sha256').update(SPDY_DICTIONARY).digest('hex')).toBe('51d27341373f923f3cd88e1eb7162aeaa3723d7585ff2399201dc06498407f02');
  });

  it('names the dictionary by its Adler-32 in the zlib header of the first block', async () => {
    const c = new HeaderCompressor();
    const first = await c.compress({ streamtype: ['error'] });
    c.close();
    expect(first[1] & 0x20).toBe(0x20); // FDICT
    expect(first.readUInt32BE(2).toString(16)).toBe('e3c6a7c2');
  });

  it('decompresses, across one zlib stream, the blocks it compressed, each whole from its own frame', async () => {
    const c = new HeaderCompressor();
    const d = new HeaderDecompressor();
    const blocks: SpdyHeaders[] = [{ streamtype: ['error'] }, { streamtype: ['stdin'] }, { streamtype: ['stdout'] }, {}, { 'x-long': ['v'.repeat(70_000)] }];
    const compressed = await Promise.all(blocks.map((b) => c.compress(b)));
    // Later blocks refer back to earlier ones: the second is smaller than it would be alone.
    expect(compressed[1].length).toBeLessThan(deflateSync(encodeHeaderBlock(blocks[1]), { dictionary: SPDY_DICTIONARY }).length);
    for (const [i, b] of compressed.entries()) expect(await d.decompress(b)).toEqual(blocks[i]);
    c.close();
    d.close();
  });

  it('reads blocks compressed by another zlib with the dictionary (as Go’s framer writes them)', async () => {
    const raw = encodeHeaderBlock({ streamtype: ['resize'] });
    const d = new HeaderDecompressor();
    const once = deflateSync(raw, { dictionary: SPDY_DICTIONARY, level: 9 });
    expect(await d.decompress(once)).toEqual({ streamtype: ['resize'] });
    d.close();
    expect(inflateSync(once, { dictionary: SPDY_DICTIONARY })).toEqual(raw);
  });

  it('refuses a block compressed with another dictionary', async () => {
    const d = new HeaderDecompressor();
    await expect(d.decompress(deflateSync(encodeHeaderBlock({ a: ['b'] }), { dictionary: Buffer.from('another dictionary') }))).rejects.toThrow(SpdyProtocolError);
    d.close();
  });
});
