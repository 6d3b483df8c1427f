// Network applets on the host's cluster DNS and connect(): busybox nslookup and wget.
import { readFile, normalizePath, writeFile, FsError } from '../../runtime/filesystem';
import type { CommandContext } from '../context';

interface ResolvConf {
  nameserver: string;
  search: string[];
  ndots: number;
}

function resolvConf(ctx: CommandContext): ResolvConf {
  let text = '';
  try {
    text = readFile(ctx.host.fs, '/etc/resolv.conf');
  } catch {
    /* none: defaults */
  }
  const conf: ResolvConf = { nameserver: '10.96.0.10', search: [], ndots: 1 };
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/);
    if (key === 'nameserver' && rest[0]) conf.nameserver = rest[0];
    else if (key === 'search') conf.search = rest;
    else if (key === 'options') for (const o of rest) if (o.startsWith('ndots:')) conf.ndots = Number(o.slice(6));
  }
  return conf;
}

/** Resolves as the libc resolver does: names with fewer dots than ndots try the search list first. */
export function lookup(ctx: CommandContext, name: string): { fqdn: string; cname?: string; addresses: string[] } | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { fqdn: name, addresses: [name] };
  const conf = resolvConf(ctx);
  const bare = name.replace(/\.$/, '');
  const dots = (bare.match(/\./g) ?? []).length;
  const candidates = name.endsWith('.') ? [bare] : dots < conf.ndots ? [...conf.search.map((s) => `${bare}.${s}`), bare] : [bare, ...conf.search.map((s) => `${bare}.${s}`)];
  for (const c of candidates) {
    const r = ctx.host.resolve(c);
    if (r && r.addresses.length) return { fqdn: c, cname: 'cname' in r ? r.cname : undefined, addresses: r.addresses };
    if (r && 'cname' in r) return { fqdn: c, cname: r.cname, addresses: [] };
  }
  return undefined;
}

export function nslookup(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  if (!name) {
    ctx.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n');
    return 1;
  }
  const server = args[1] ?? resolvConf(ctx).nameserver;
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  const r = lookup(ctx, name);
  ctx.sleep(2);
  if (!r) {
    out += `** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`;
    ctx.stdout(out);
    return 1;
  }
  if (r.cname) out += `${r.fqdn}\tcanonical name = ${r.cname}\n`;
  for (const a of r.addresses) out += `Name:\t${r.cname ?? r.fqdn}\nAddress: ${a}\n`;
  ctx.stdout(`${out}\n`);
  return 0;
}

function parseUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(url);
  if (!m) return undefined;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/' };
}

export function wget(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let quiet = false;
  let output: string | undefined;
  let timeoutS = 900;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q') quiet = true;
    else if (a === '-O') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-T') timeoutS = Number(args[++i]);
    else if (a.startsWith('-T')) timeoutS = Number(a.slice(2));
    else if (a === '--spider' || a === '-S' || a === '-s') continue;
    else if (/^-q.+/.test(a)) {
      quiet = true;
      if (a.includes('O')) output = a.slice(a.indexOf('O') + 1) || args[++i];
    } else urls.push(a);
  }
  const url = urls[0];
  const u = url === undefined ? undefined : parseUrl(url);
  if (!u) {
    ctx.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const r = lookup(ctx, u.host);
  if (!r || !r.addresses.length) {
    ctx.stderr(`wget: bad address '${u.host}'\n`);
    return 1;
  }
  const ip = r.addresses[0];
  if (!quiet) ctx.stderr(`Connecting to ${u.host}${u.port === 80 ? '' : `:${u.port}`} (${ip}:${u.port})\n`);
  const res = ctx.host.connect?.(ip, u.port, { path: u.path, at: ctx.now() }) ?? { ok: false as const, error: 'timeout' as const };
  if (!res.ok) {
    if (res.error === 'refused') {
      ctx.sleep(res.durationMs ?? 1);
      ctx.stderr(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    } else if (res.error === 'unreachable') {
      ctx.sleep(res.durationMs ?? 3000);
      ctx.stderr(`wget: can't connect to remote host (${ip}): Host is unreachable\n`);
    } else {
      ctx.sleep(Math.min(res.durationMs ?? timeoutS * 1000, timeoutS * 1000));
      ctx.stderr('wget: download timed out\n');
    }
    return 1;
  }
  ctx.sleep(res.durationMs ?? 5);
  const status = res.status ?? 200;
  if (status >= 400) {
    ctx.stderr(`wget: server returned error: HTTP/1.1 ${status} ${res.statusText ?? ''}\n`);
    return 1;
  }
  const file = output ?? (u.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
  if (file === '-') {
    if (!quiet) ctx.stderr('writing to stdout\n');
    ctx.stdout(res.body);
    if (!quiet) ctx.stderr(`-                    100% |********************************|  ${String(res.body.length).padStart(4)}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) ctx.stderr(`saving to '${file}'\n`);
  const abs = normalizePath(file, ctx.cwd);
  try {
    writeFile(ctx.host.fs, abs, res.body, ctx.now());
    ctx.changed(abs);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    ctx.stderr(`wget: can't open '${file}': ${e.message}\n`);
    return 1;
  }
  if (!quiet) ctx.stderr(`${file.padEnd(20).slice(0, 20)} 100% |********************************|  ${String(res.body.length).padStart(4)}  0:00:00 ETA\n'${file}' saved\n`);
  return 0;
}
