// What a container's default process answers on the network, as the real images do: nginx's welcome page on 80,
// hello-app on 8080, agnhost netexec on 8080 (`/hostname`), httpd on 80, mongo (TCP 27017), redis, postgres.
import type { Container, Pod } from '../api/pod';
import { parseImage } from '../runtime/images';
import { NGINX_WELCOME } from '../runtime/programs/nginx';

/** The page nginx serves (the image's /usr/share/nginx/html/index.html). */
export { NGINX_WELCOME };

export interface Listener {
  port: number;
  /** `http` servers answer a request; `tcp` ones (databases) only accept the connection. */
  protocol: 'http' | 'tcp';
  /** The body of an HTTP GET for `path` (undefined: 404). */
  answer(path: string, pod: Pod, now: number): { status: number; body: string };
  /** What a plain HTTP client gets from a TCP-only server. */
  banner?: string;
}

const notFound = { status: 404, body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n' };

/** The sockets a container listens on, from its image (and, for agnhost, its subcommand). */
export function listenersOf(c: Container): Listener[] {
  const ref = parseImage(c.image ?? '');
  const repo = ref.repository.replace(/^docker\.io\/library\//, '');
  const words = [...(c.command ?? []), ...(c.args ?? [])];
  switch (repo) {
    case 'nginx':
      return [{ port: 80, protocol: 'http', answer: (path) => (path === '/' || path === '/index.html' ? { status: 200, body: NGINX_WELCOME } : notFound) }];
    case 'httpd':
      return [{ port: 80, protocol: 'http', answer: (path) => (path === '/' ? { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' } : { status: 404, body: 'Not Found\n' }) }];
    case 'gcr.io/google-samples/hello-app': {
      const version = ref.tag.startsWith('2') ? '2.0.0' : '1.0.0';
      return [{ port: 8080, protocol: 'http', answer: (_p, pod) => ({ status: 200, body: `Hello, world!\nVersion: ${version}\nHostname: ${pod.metadata.name}\n` }) }];
    }
    case 'registry.k8s.io/e2e-test-images/agnhost': {
      if (!words.includes('netexec')) return [];
      const portArg = words.find((w) => w.startsWith('--http-port='));
      const port = portArg ? Number(portArg.split('=')[1]) : 8080;
      return [
        {
          port,
          protocol: 'http',
          answer: (path, pod, now) => {
            if (path === '/hostname') return { status: 200, body: pod.metadata.name! };
            if (path === '/' || path === '') return { status: 200, body: `NOW: ${new Date(now).toISOString().replace('T', ' ').replace('Z', '')}` };
            if (path === '/healthz') return { status: 200, body: '' };
            return { status: 404, body: '404 page not found\n' };
          },
        },
      ];
    }
    case 'mongo':
      return [{ port: 27017, protocol: 'tcp', answer: () => ({ status: 200, body: '' }), banner: 'It looks like you are trying to access MongoDB over HTTP on the native driver port.\n' }];
    case 'redis':
      return [{ port: 6379, protocol: 'tcp', answer: () => ({ status: 200, body: '' }), banner: '-ERR wrong number of arguments for \'get\' command\r\n' }];
    case 'postgres':
      return [{ port: 5432, protocol: 'tcp', answer: () => ({ status: 200, body: '' }) }];
    default:
      return [];
  }
}

/** The listener of a pod's running containers on `port`, if any. */
export function listenerOn(pod: Pod, port: number): { container: Container; listener: Listener } | undefined {
  for (const c of pod.spec.containers) {
    const st = pod.status?.containerStatuses?.find((s) => s.name === c.name);
    if (!st?.state.running) continue;
    const l = listenersOf(c).find((x) => x.port === port);
    if (l) return { container: c, listener: l };
  }
  return undefined;
}
