// `kubeville serve` as a process: start the host, print where it listens, stop and save on SIGINT/SIGTERM.
import type { ServeCommand } from '../cli-app';
import { ServeHost } from './serve-host';

export function runServe(command: ServeCommand, out: (t: string) => void, err: (t: string) => void): void {
  let host: ServeHost;
  try {
    host = new ServeHost({ statePath: command.statePath, port: command.port, speed: command.speed, paused: command.paused });
  } catch (e) {
    err(`kubeville serve: the state file ${command.statePath} cannot be read (${(e as Error).message})\n`);
    process.exitCode = 1;
    return;
  }
  host.start().then(
    () => {
      out(host.banner());
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        host.stop().then(
          () => {
            out(`\nStopped (${signal}); state saved to ${command.statePath}.\n`);
            process.exit(0);
          },
          (e: Error) => {
            err(`kubeville serve: could not save the state: ${e.message}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    },
    (e: NodeJS.ErrnoException) => {
      const why = e.code === 'EADDRINUSE' ? `port ${command.port} is in use (try --port 0 for a free one)` : e.message;
      err(`kubeville serve: ${why}\n`);
      process.exitCode = 1;
    },
  );
}
