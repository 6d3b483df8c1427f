// The images the simulated registry knows: size, first-pull time, default entrypoint, and how they behave.
// Unknown names fail to pull, as on a real cluster.
import type { Range } from './timings';

export interface ImageInfo {
  /** Repository without tag, e.g. `docker.io/library/nginx`. */
  repository: string;
  sizeBytes: number;
  /** First pull on a node. */
  pull: Range;
  entrypoint: string[];
  cmd: string[];
  /** What the default process does: serve for ever, or run a shell that exits at once without a terminal. */
  behaviour: 'server' | 'shell' | 'system';
  /** Tags that exist (undefined: any tag). */
  tags?: string[];
  hasBash?: boolean;
  /** Whose applets and layout the image has: busybox's, alpine's (busybox links), or a Debian/Ubuntu userland. */
  flavour?: 'busybox' | 'alpine' | 'debian';
  /** The image's ENV besides PATH. */
  env?: Record<string, string>;
  /** Programs the image has besides the applets (served by runtime/programs). */
  programs?: string[];
  /** TCP ports the default process listens on. */
  ports?: number[];
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The environment an image sets (docker inspect's Config.Env). */
export function imageEnv(info: ImageInfo | undefined): Record<string, string> {
  return { PATH, ...(info?.env ?? {}) };
}

/** alpine's /etc/alpine-release for a tag: 3.15 → 3.15.11. */
export function alpineRelease(tag: string): string {
  const latest: Record<string, string> = { '3.15': '3.15.11', '3.16': '3.16.9', '3.17': '3.17.10', '3.18': '3.18.12', '3.19': '3.19.7', '3.20': '3.20.6', '3.21': '3.21.3' };
  if (/^\d+\.\d+\.\d+$/.test(tag)) return tag;
  return latest[tag] ?? latest['3.21'];
}

const LIB = 'docker.io/library/';

export const IMAGES: Record<string, ImageInfo> = {
  busybox: { repository: `${LIB}busybox`, sizeBytes: 2_156_436, pull: [2000, 4000], entrypoint: [], cmd: ['sh'], behaviour: 'shell', flavour: 'busybox' },
  alpine: { repository: `${LIB}alpine`, sizeBytes: 3_653_068, pull: [2000, 4000], entrypoint: [], cmd: ['/bin/sh'], behaviour: 'shell', flavour: 'alpine' },
  nginx: {
    repository: `${LIB}nginx`, sizeBytes: 72_223_946, pull: [5000, 8000], entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], behaviour: 'server', hasBash: true, flavour: 'debian',
    env: { NGINX_VERSION: '1.27.3', NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm', DYNPKG_RELEASE: '1~bookworm' }, programs: ['/docker-entrypoint.sh', 'nginx'], ports: [80],
  },
  mongo: {
    repository: `${LIB}mongo`, sizeBytes: 163_384_432, pull: [20000, 30000], entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], behaviour: 'server', hasBash: true, flavour: 'debian',
    env: { GOSU_VERSION: '1.12', JSYAML_VERSION: '3.13.1', GPG_KEYS: '9DA31620334BD75D9DCB49F368818C72E52529D4', MONGO_PACKAGE: 'mongodb-org', MONGO_REPO: 'repo.mongodb.org', MONGO_MAJOR: '4.0', MONGO_VERSION: '4.0.28' },
    programs: ['docker-entrypoint.sh', 'mongod', 'mongo', 'mongodump', 'mongorestore'], ports: [27017],
  },
  ubuntu: { repository: `${LIB}ubuntu`, sizeBytes: 29_754_290, pull: [3000, 6000], entrypoint: [], cmd: ['/bin/bash'], behaviour: 'shell', hasBash: true, flavour: 'debian' },
  debian: { repository: `${LIB}debian`, sizeBytes: 48_480_570, pull: [4000, 7000], entrypoint: [], cmd: ['bash'], behaviour: 'shell', hasBash: true, flavour: 'debian' },
  redis: { repository: `${LIB}redis`, sizeBytes: 45_042_532, pull: [4000, 7000], entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], behaviour: 'server' },
  httpd: { repository: `${LIB}httpd`, sizeBytes: 58_091_214, pull: [4000, 7000], entrypoint: [], cmd: ['httpd-foreground'], behaviour: 'server' },
  postgres: { repository: `${LIB}postgres`, sizeBytes: 158_354_370, pull: [12000, 20000], entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], behaviour: 'server', hasBash: true },
  'gcr.io/google-samples/hello-app': { repository: 'gcr.io/google-samples/hello-app', sizeBytes: 11_426_752, pull: [3000, 5000], entrypoint: ['./hello-app'], cmd: [], behaviour: 'server' },
  'registry.k8s.io/e2e-test-images/agnhost': { repository: 'registry.k8s.io/e2e-test-images/agnhost', sizeBytes: 51_105_200, pull: [4000, 7000], entrypoint: ['/agnhost'], cmd: [], behaviour: 'server' },
  // The busybox of the Kubernetes docs' probe examples (an old busybox build; the size is approximate).
  'registry.k8s.io/busybox': { repository: 'registry.k8s.io/busybox', sizeBytes: 1_144_547, pull: [1500, 3000], entrypoint: [], cmd: ['sh'], behaviour: 'shell', flavour: 'busybox', tags: ['latest', '1.27.2', '1.24'] },
  'registry.k8s.io/pause': { repository: 'registry.k8s.io/pause', sizeBytes: 320_368, pull: [800, 1500], entrypoint: ['/pause'], cmd: [], behaviour: 'server' },
};

export interface ImageRef {
  /** As written in the pod spec. */
  image: string;
  /** Registry-qualified name, e.g. `docker.io/library/nginx:latest`. */
  fullName: string;
  repository: string;
  tag: string;
  info?: ImageInfo;
}

/** Parses `nginx`, `nginx:1.25`, `library/nginx`, `docker.io/library/nginx:latest`, `gcr.io/x/y:1.0`. */
export function parseImage(image: string): ImageRef {
  let name = image;
  let tag = 'latest';
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.indexOf(':', slash + 1);
  if (colon >= 0) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  const firstPart = name.split('/')[0];
  const hasRegistry = name.includes('/') && (firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost');
  let repository = hasRegistry ? name : `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  repository = repository.toLowerCase() === repository ? repository : repository;
  const short = repository.startsWith('docker.io/library/') ? repository.slice('docker.io/library/'.length) : repository;
  const info = IMAGES[short];
  const known = info && (!info.tags || info.tags.includes(tag));
  return { image, fullName: `${repository}:${tag}`, repository, tag, info: known ? info : undefined };
}

/** A stable fake digest for an image, so imageID and `Image ID:` look real and stay the same across pulls. */
export function imageDigest(fullName: string): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < fullName.length; i++) {
      h1 ^= fullName.charCodeAt(i) + round;
      h1 = Math.imul(h1, 0x01000193) >>> 0;
    }
    out += h1.toString(16).padStart(8, '0');
  }
  return `sha256:${out}`;
}
