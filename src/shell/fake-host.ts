// A ShellHost with fixed answers, for tests and previews: a busybox-like image, cluster DNS from a table.
import type { FsMount } from '../runtime/filesystem';
import type { ExternalCommand, ShellHost, ShellImage } from './context';
import { createContainerFs } from './image-layer';

export const IMAGES: Record<'busybox' | 'alpine' | 'mongo', ShellImage> = {
  busybox: { name: 'busybox', hasBash: false, flavour: 'busybox' },
  alpine: { name: 'alpine:3.15', hasBash: false, flavour: 'alpine' },
  mongo: { name: 'mongo:4.0', hasBash: true, flavour: 'debian' },
};

export interface FakeHostOptions {
  image?: ShellImage;
  hostname?: string;
  startMs?: number;
  env?: Record<string, string>;
  dns?: Record<string, string[]>;
  mounts?: FsMount[];
  commands?: Record<string, ExternalCommand>;
}

/** 2026-01-05 09:00:00 UTC, a Monday. */
export const MONDAY_9AM = Date.UTC(2026, 0, 5, 9, 0, 0);

export function fakeHost(opts: FakeHostOptions = {}): ShellHost {
  const image = opts.image ?? IMAGES.busybox;
  const hostname = opts.hostname ?? 'test';
  const startMs = opts.startMs ?? MONDAY_9AM;
  let seed = 42;
  return {
    fs: createContainerFs({ image, hostname, mounts: opts.mounts, programs: Object.keys(opts.commands ?? {}) }, startMs),
    env: opts.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: hostname, HOME: '/root' },
    hostname,
    startMs,
    resolve: (name) => {
      const a = opts.dns?.[name];
      return a ? { addresses: a } : undefined;
    },
    rng: () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    },
    image,
    commands: opts.commands,
  };
}
