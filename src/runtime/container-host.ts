// The world as one container's processes see it (a ShellHost): its filesystem (image layer + volumes), its
// environment, cluster DNS through its resolv.conf, connections through the cluster network, the image's programs.
import { NGINX_WELCOME } from './programs/nginx';
import type { Container, Pod } from '../api/pod';
import type { Service } from '../api/service';
import type { ApiServer } from '../apiserver/api-server';
import type { ContainerFsRef, ContainerRuntime, KubeletState } from '../controllers/kubelet-state';
import type { ExternalCommand, ShellHost, ShellImage } from '../shell/context';
import { createContainerFs } from '../shell/image-layer';
import { lookupFqdn } from '../network/dns';
import { alpineRelease, imageEnv, parseImage, type ImageRef } from './images';
import { containerEnv } from './env';
import { containerMounts } from './volumes';
import { connectFromPod } from './container-connect';
import { MONGO_PROGRAMS } from './programs/mongo';
import { NGINX_PROGRAMS } from './programs/nginx';
import type { VirtualFs } from './filesystem';

/** The sh interpreter's idea of an image: which applets, bash or not, alpine's release. */
export function shellImage(ref: ImageRef): ShellImage {
  const info = ref.info;
  const flavour = info?.flavour ?? 'busybox';
  return { name: ref.image, hasBash: !!info?.hasBash, flavour, ...(flavour === 'alpine' ? { release: alpineRelease(ref.tag) } : {}) };
}

const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** Files an image ships that learners look at (nginx's pages, mongod's data folder). */
export function imageFiles(ref: ImageRef): Record<string, string> {
  const repo = ref.repository.replace(/^docker\.io\/library\//, '');
  if (repo === 'nginx') return { '/usr/share/nginx/html/index.html': NGINX_WELCOME, '/usr/share/nginx/html/50x.html': NGINX_50X, '/etc/nginx/conf.d/': '', '/var/log/nginx/': '' };
  if (repo === 'mongo') return { '/data/db/': '', '/data/configdb/': '' };
  return {};
}

/** Programs an image has besides the applets, by name. */
export function imagePrograms(ref: ImageRef): Record<string, ExternalCommand> {
  const repo = ref.repository.replace(/^docker\.io\/library\//, '');
  if (repo === 'mongo') return MONGO_PROGRAMS;
  if (repo === 'nginx') return NGINX_PROGRAMS;
  return {};
}

export function rootVolumeId(uid: string, container: string): string {
  return `ctr/${uid}/${container}`;
}

/** Creates a fresh root filesystem for a container run (a restart gets a new one, as a new container does). */
export function createContainerRoot(state: KubeletState, pod: Pod, c: Container, ip: string | undefined, now: number): ContainerFsRef {
  const ref = parseImage(c.image ?? '');
  const id = rootVolumeId(pod.metadata.uid!, c.name);
  const view = createContainerFs({ image: shellImage(ref), hostname: pod.spec.hostname ?? pod.metadata.name!, podIP: ip, namespace: pod.metadata.namespace, programs: ref.info?.programs, files: imageFiles(ref) }, now);
  view.root.id = id;
  state.volumes[id] = view.root;
  return { root: id, mounts: containerMounts(pod, c), ...(c.workingDir ? { cwd: c.workingDir } : {}) };
}

export interface HostInputs {
  api: ApiServer;
  state: KubeletState;
  pod: Pod;
  container: Container;
  runtime: ContainerRuntime;
  fs: VirtualFs;
  /** When the process starts (what `date` reads first). */
  startMs: number;
  rng: () => number;
  podIP?: string;
  hostIP?: string;
}

export function containerHost(i: HostInputs): ShellHost {
  const ref = parseImage(i.container.image ?? '');
  const ns = i.pod.metadata.namespace ?? 'default';
  const services = i.api.list<Service>('Service').filter((s) => s.metadata.namespace === ns || (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes'));
  const env = containerEnv(i.pod, i.container, { imageEnv: imageEnv(ref.info), services, podIP: i.podIP, hostIP: i.hostIP });
  const hostname = i.pod.spec.hostname ?? i.pod.metadata.name!;
  return {
    fs: i.fs,
    env,
    hostname,
    startMs: i.startMs,
    resolve(name) {
      const bare = name.replace(/\.$/, '');
      if (bare === 'localhost') return { addresses: ['127.0.0.1'] };
      if (bare === hostname && i.podIP) return { addresses: [i.podIP] };
      const a = lookupFqdn(i.api, bare);
      if (a.type === 'A') return { addresses: a.addresses };
      if (a.type === 'CNAME') return { cname: a.target, addresses: [] };
      return undefined;
    },
    connect(ip, port, request) {
      const pod = i.podIP ? { ...i.pod, status: { ...i.pod.status, podIP: i.podIP } } : i.pod;
      return connectFromPod({ api: i.api, kubelet: i.state, pod, rng: i.rng }, ip, port, request);
    },
    listen(port, at) {
      const l = (i.runtime.listening ??= []);
      if (!l.some((x) => x.port === port)) l.push({ port, at });
    },
    rng: i.rng,
    image: shellImage(ref),
    commands: imagePrograms(ref),
  };
}
