import { describe, expect, it } from 'vitest';
import { createContainerFs } from './image-layer';
import { setMode, stat, writeFile } from '../runtime/filesystem';

const busybox = { name: 'busybox', hasBash: false, flavour: 'busybox' as const };

describe('image layer', () => {
  it('gives each container its own root: a chmod or a write in one leaves the image and the others alone', () => {
    const a = createContainerFs({ image: busybox, hostname: 'a' }, 1000);
    const b = createContainerFs({ image: busybox, hostname: 'b' }, 1000);
    setMode(a, '/bin/ls', 0o700);
    writeFile(a, '/etc/passwd', 'root:x:0:0::/:/bin/sh\n', 2000);
    const c = createContainerFs({ image: busybox, hostname: 'c' }, 1000);
    expect(stat(a, '/bin/ls')?.mode).toBe(0o700);
    for (const fs of [b, c]) {
      expect(stat(fs, '/bin/ls')?.mode).toBe(0o755);
      expect(stat(fs, '/etc/passwd')?.content).toContain('nobody');
    }
    expect(stat(c, '/etc/hostname')?.content).toBe('c\n');
  });

  it('shares the image entries, frozen, so an edit in place throws instead of leaking into other containers', () => {
    const a = createContainerFs({ image: busybox, hostname: 'a' }, 1000);
    const b = createContainerFs({ image: busybox, hostname: 'b' }, 1000);
    expect(a.root.entries['bin/ls']).toBe(b.root.entries['bin/ls']);
    expect(() => {
      a.root.entries['bin/ls'].mode = 0o700;
    }).toThrow(TypeError);
  });
});
