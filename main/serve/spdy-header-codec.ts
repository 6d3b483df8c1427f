// SPDY/3 header block compression: one zlib stream per direction for the whole connection, seeded with the SPDY
// dictionary, each header block ending on a sync flush so the peer can read it whole from its own frame.
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { SPDY_DICTIONARY } from './spdy-dictionary';
import { decodeHeaderBlock, encodeHeaderBlock, SpdyProtocolError, type SpdyHeaders } from './spdy-frames';

/** Runs blocks through one zlib stream in order; each result is what one sync flush produced. */
class ZlibPipe {
  private out: Buffer[] = [];
  private failure: Error | undefined;
  /** Rejects the block in progress when zlib fails (its flush callback never comes then). */
  private failPending: ((e: Error) => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly z: Deflate | Inflate) {
    z.on('data', (chunk: Buffer) => this.out.push(chunk));
    z.on('error', (e: Error) => {
      this.failure = e;
      this.failPending?.(e);
    });
  }

  run(input: Buffer): Promise<Buffer> {
    const next = this.queue.then(
      () =>
        new Promise<Buffer>((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          this.failPending = reject;
          this.z.write(input);
          this.z.flush(constants.Z_SYNC_FLUSH, () => {
            this.failPending = undefined;
            if (this.failure) return reject(this.failure);
            const result = Buffer.concat(this.out);
            this.out = [];
            resolve(result);
          });
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.z.destroy();
  }
}

/** Compresses the header blocks this side sends. */
export class HeaderCompressor {
  private readonly pipe = new ZlibPipe(createDeflate({ dictionary: SPDY_DICTIONARY }));

  compress(headers: SpdyHeaders): Promise<Buffer> {
    return this.pipe.run(encodeHeaderBlock(headers));
  }

  close(): void {
    this.pipe.close();
  }
}

/** Decompresses the header blocks the peer sends. */
export class HeaderDecompressor {
  private readonly pipe = new ZlibPipe(createInflate({ dictionary: SPDY_DICTIONARY }));

  async decompress(block: Buffer): Promise<SpdyHeaders> {
    let raw: Buffer;
    try {
      raw = await this.pipe.run(block);
    } catch (e) {
      throw new SpdyProtocolError(`header block does not decompress: ${(e as Error).message}`);
    }
    return decodeHeaderBlock(raw);
  }

  close(): void {
    this.pipe.close();
  }
}
