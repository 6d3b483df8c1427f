// The programs of the nginx image: /docker-entrypoint.sh (its configuration lines on stdout) and nginx, which logs
// its start to stderr (error_log → /dev/stderr), listens on 80 and serves the welcome page until stopped.
import type { ExternalCommand } from '../../shell/context';

/** nginx's error-log time: `2026/01/05 09:00:07`. */
export function nginxTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
}

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const nginx: ExternalCommand = (ctx) => {
  if (ctx.argv.includes('-v')) {
    ctx.stderr('nginx version: nginx/1.27.3\n');
    return 0;
  }
  const note = (text: string) => ctx.stderr(`${nginxTime(ctx.now())} [notice] 1#1: ${text}\n`);
  note('using the "epoll" event method');
  note('nginx/1.27.3');
  note('built by gcc 12.2.0 (Debian 12.2.0-14) ');
  note('OS: Linux 6.8.0-51-generic');
  note('getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  note('start worker processes');
  note('start worker process 29');
  note('start worker process 30');
  ctx.host.listen?.(80, ctx.now());
  ctx.sleep(Infinity);
  return 0;
};

export const nginxEntrypoint: ExternalCommand = (ctx) => {
  const args = ctx.argv.slice(1);
  // Only `nginx` and `nginx-debug` go through the configuration scripts; anything else is exec'd at once.
  const configure = args[0] === 'nginx' || args[0] === 'nginx-debug';
  const out = (text: string) => configure && ctx.stdout(`${text}\n`);
  out('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
  out('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
  out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh');
  out('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf');
  out('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
  out('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
  out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
  out('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
  out('/docker-entrypoint.sh: Configuration complete; ready for start up');
  if (configure) ctx.sleep(20);
  const program = args[0] === undefined ? undefined : ctx.host.commands?.[args[0].split('/').pop()!];
  if (program) return program({ ...ctx, argv: args });
  if (args[0] === undefined) return 0;
  ctx.stderr(`/docker-entrypoint.sh: 47: exec: ${args[0]}: not found\n`);
  return 127;
};

export const NGINX_PROGRAMS: Record<string, ExternalCommand> = {
  'docker-entrypoint.sh': nginxEntrypoint,
  nginx,
};
