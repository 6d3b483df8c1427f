// The streams of one pods/exec or pods/attach session, whatever carries them: WebSocket channels (v5/v4.channel.k8s.io,
// this file) or SPDY streams (spdy-channels.ts). pod-streams.ts runs commands against this interface only.
import type { WebSocketConnection } from './websocket';

/** The metav1.Status the kubelet reports when the command ends (JSON on the error stream from v4 on). */
export interface ExecStatus {
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { causes: { reason: string; message: string }[] };
}

/** `{"Width":80,"Height":24}` as kubectl sends it on the resize stream. */
export interface TerminalSize {
  width: number;
  height: number;
}

export interface ExecChannels {
  /** Output for the client. */
  write(stream: 'stdout' | 'stderr', text: string): void;
  /** Input from the client. */
  onStdin(listener: (data: Buffer) => void): void;
  /** The client closed its stdin (half-close: output still flows). */
  onStdinEnd(listener: () => void): void;
  onResize(listener: (size: TerminalSize) => void): void;
  /** The connection is gone (client hung up, or `end` finished). */
  onClose(listener: () => void): void;
  /** The command ended: its status, the end of every output stream, then the connection. */
  end(status: ExecStatus): void;
}

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;
const RESIZE = 4;
const CLOSE = 255;

/** WebSocket framing of the channels: one byte of channel, then the data; 255 closes a channel (v5). */
export function websocketChannels(ws: WebSocketConnection): ExecChannels {
  return {
    write: (stream, text) => ws.send(Buffer.concat([Buffer.from([stream === 'stdout' ? STDOUT : STDERR]), Buffer.from(text, 'utf8')])),
    onStdin: (listener) => ws.onMessage((data) => data[0] === STDIN && listener(data.subarray(1))),
    onStdinEnd: (listener) => ws.onMessage((data) => data[0] === CLOSE && data[1] === STDIN && listener()),
    onResize: (listener) =>
      ws.onMessage((data) => {
        if (data[0] !== RESIZE) return;
        const size = parseTerminalSize(data.subarray(1).toString('utf8'));
        if (size) listener(size);
      }),
    onClose: (listener) => ws.onClose(listener),
    end: (status) => {
      ws.send(Buffer.concat([Buffer.from([STATUS]), Buffer.from(JSON.stringify({ metadata: {}, ...status }), 'utf8')]));
      ws.close();
    },
  };
}

/** One resize message, or undefined when it is not one. */
export function parseTerminalSize(text: string): TerminalSize | undefined {
  try {
    const v = JSON.parse(text) as { Width?: unknown; Height?: unknown };
    if (typeof v.Width === 'number' && typeof v.Height === 'number') return { width: v.Width, height: v.Height };
  } catch {
    // not JSON: ignored, as the kubelet logs and skips it
  }
  return undefined;
}

/** The status the kubelet sends when the command exits with `exitCode`. */
export function exitStatus(exitCode: number, argv: string[]): ExecStatus {
  if (exitCode === 0) return { status: 'Success' };
  return {
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}
