// The programs of the mongo:4.0 image: its docker-entrypoint.sh, mongod (4.0's plain-text log lines), mongodump and
// mongorestore (mongo-tools 4.0: tab-separated `TIME\tmessage` lines on stderr, `Failed: …` and exit 1 on errors).
import { FsError, normalizePath, stat, writeFile, mkdirp } from '../filesystem';
import type { CommandContext, ExternalCommand } from '../../shell/context';
import { lookup } from '../../shell/applets/network';

/** mongod 4.0 and the tools print `2026-01-05T09:00:07.123+0000`. */
export function mongoTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** The UUID-looking ids mongod prints, from the seeded rng. */
function uuid(ctx: CommandContext): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(ctx.host.rng() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** `mongod [--bind_ip_all]`: logs its startup, listens on 27017 and serves until stopped. */
export const mongod: ExternalCommand = (ctx) => {
  const host = ctx.host.hostname;
  const portArg = ctx.argv.indexOf('--port');
  const port = portArg > 0 ? Number(ctx.argv[portArg + 1]) : 27017;
  const line = (component: string, ctxName: string, text: string) => ctx.stdout(`${mongoTime(ctx.now())} I ${component.padEnd(8)} [${ctxName}] ${text}\n`);
  ctx.sleep(12);
  line('CONTROL', 'main', "Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'");
  ctx.sleep(3);
  line('CONTROL', 'initandlisten', `MongoDB starting : pid=1 port=${port} dbpath=/data/db 64-bit host=${host}`);
  line('CONTROL', 'initandlisten', 'db version v4.0.28');
  line('CONTROL', 'initandlisten', 'git version: af1a9dc12adcfa83cc19571cb3faba26eeddac92');
  line('CONTROL', 'initandlisten', 'OpenSSL version: OpenSSL 1.0.2g  1 Mar 2016');
  line('CONTROL', 'initandlisten', 'allocator: tcmalloc');
  line('CONTROL', 'initandlisten', 'modules: none');
  line('CONTROL', 'initandlisten', 'build environment:');
  line('CONTROL', 'initandlisten', '    distmod: ubuntu1604');
  line('CONTROL', 'initandlisten', '    distarch: x86_64');
  line('CONTROL', 'initandlisten', '    target_arch: x86_64');
  line('CONTROL', 'initandlisten', 'options: { net: { bindIpAll: true } }');
  ctx.sleep(1);
  line('STORAGE', 'initandlisten', '');
  line('STORAGE', 'initandlisten', '** WARNING: Using the XFS filesystem is strongly recommended with the WiredTiger storage engine');
  line('STORAGE', 'initandlisten', '**          See http://dochub.mongodb.org/core/prodnotes-filesystem');
  line('STORAGE', 'initandlisten', 'wiredtiger_open config: create,cache_size=7480M,cache_overflow=(file_max=0M),session_max=20000,eviction=(threads_min=4,threads_max=4),config_base=false,statistics=(fast),log=(enabled=true,archive=true,path=journal,compressor=snappy),file_manager=(close_idle_time=100000),statistics_log=(wait=0),verbose=(recovery_progress),');
  ctx.sleep(640);
  line('STORAGE', 'initandlisten', `WiredTiger message [${Math.floor(ctx.now() / 1000)}:${String(ctx.now() % 1000).padStart(3, '0')}412][1:0x7f3c2a5e0a80], txn-recover: Set global recovery timestamp: 0`);
  ctx.sleep(9);
  line('RECOVERY', 'initandlisten', 'WiredTiger recoveryTimestamp. Ts: Timestamp(0, 0)');
  ctx.sleep(14);
  line('CONTROL', 'initandlisten', '');
  line('CONTROL', 'initandlisten', '** WARNING: Access control is not enabled for the database.');
  line('CONTROL', 'initandlisten', '**          Read and write access to data and configuration is unrestricted.');
  line('CONTROL', 'initandlisten', '');
  ctx.sleep(5);
  line('STORAGE', 'initandlisten', `createCollection: admin.system.version with provided UUID: ${uuid(ctx)}`);
  ctx.sleep(7);
  line('COMMAND', 'initandlisten', 'setting featureCompatibilityVersion to 4.0');
  ctx.sleep(3);
  line('STORAGE', 'initandlisten', `createCollection: local.startup_log with generated UUID: ${uuid(ctx)}`);
  ctx.sleep(12);
  line('FTDC', 'initandlisten', "Initializing full-time diagnostic data capture with directory '/data/db/diagnostic.data'");
  ctx.sleep(1);
  line('NETWORK', 'initandlisten', `waiting for connections on port ${port}`);
  ctx.host.listen?.(port, ctx.now());
  ctx.sleep(2);
  line('STORAGE', 'LogicalSessionCacheRefresh', `createCollection: config.system.sessions with generated UUID: ${uuid(ctx)}`);
  ctx.sleep(Infinity);
  return 0;
};

/** mongo's docker-entrypoint.sh: `mongod` (or `--option`) becomes `gosu mongodb mongod --bind_ip_all`; anything else is exec'd. */
export const mongoEntrypoint: ExternalCommand = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0 || args[0] === 'mongod' || args[0].startsWith('-')) {
    const rest = args[0] === 'mongod' ? args.slice(1) : args;
    return mongod({ ...ctx, argv: ['mongod', '--bind_ip_all', ...rest] });
  }
  const program = ctx.host.commands?.[args[0]];
  if (program) return program({ ...ctx, argv: args });
  ctx.stderr(`/usr/local/bin/docker-entrypoint.sh: line 363: exec: ${args[0]}: not found\n`);
  return 127;
};

interface ToolOptions {
  host: string;
  port: number;
  gzip: boolean;
  archive?: string;
  out?: string;
  positional: string[];
}

function toolOptions(argv: string[]): ToolOptions | string {
  const o: ToolOptions = { host: 'localhost', port: 27017, gzip: false, positional: [] };
  let portSet = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`error parsing command line options: expected argument for flag \`${flag}'`);
      return v;
    };
    try {
      if (flag === '--host' || flag === '-h') o.host = value();
      else if (flag === '--port') {
        o.port = Number(value());
        portSet = true;
      } else if (flag === '--gzip') o.gzip = true;
      else if (flag === '--archive') o.archive = inline ?? '-';
      else if (flag === '--out' || flag === '-o') o.out = value();
      else if (['--db', '-d', '--collection', '-c', '--username', '-u', '--password', '-p', '--authenticationDatabase', '--nsInclude', '--nsExclude', '--uri'].includes(flag)) value();
      else if (flag === '--drop' || flag === '--quiet' || flag === '-v' || flag === '--oplog') continue;
      else if (flag.startsWith('-')) return `error parsing command line options: unknown option "${flag.replace(/^-+/, '')}"`;
      else o.positional.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  // --host rs/h1:p,h2 and --host h:p
  const seed = o.host.includes('/') ? o.host.slice(o.host.indexOf('/') + 1).split(',')[0] : o.host;
  const m = /^(.*):(\d+)$/.exec(seed);
  o.host = m ? m[1] : seed;
  if (m && !portSet) o.port = Number(m[2]);
  return o;
}

/** Dials the server as mongo-tools 4.0 (mgo) does: fails after its 3 s dial timeout with "no reachable servers". */
function dial(ctx: CommandContext, o: ToolOptions): boolean {
  const r = lookup(ctx, o.host === 'localhost' ? '127.0.0.1' : o.host);
  const res = r?.addresses.length ? ctx.host.connect?.(r.addresses[0], o.port, { at: ctx.now() }) : undefined;
  if (!res || !res.ok) {
    ctx.sleep(3000);
    ctx.stderr(`${mongoTime(ctx.now())}\tFailed: error connecting to db server: no reachable servers\n`);
    return false;
  }
  ctx.sleep(res.durationMs ?? 8);
  return true;
}

/** Bytes of an archive holding admin.system.version (the only collection of a fresh mongod). */
const ARCHIVE_BYTES = { plain: 585, gzip: 371 };

function fsFailure(ctx: CommandContext, path: string, e: unknown): number {
  if (!(e instanceof FsError)) throw e;
  ctx.stderr(`${mongoTime(ctx.now())}\tFailed: open ${path}: ${e.message.toLowerCase()}\n`);
  return 1;
}

/** What mongo-tools 4.0 print for `--version` (the mongo:4.0 image ships r4.0.28). */
function toolVersion(tool: string): string {
  return `${tool} version: r4.0.28\ngit version: af1a9dc12adcfa83cc19571cb3faba26eeddac92\nGo version: go1.11.13\n   os: linux\n   arch: amd64\n   compiler: gc\n`;
}

/** `mongodump --host H [--port P] [--gzip] --archive[=PATH] | --out DIR`. */
export const mongodump: ExternalCommand = (ctx) => {
  if (ctx.argv.includes('--version')) {
    ctx.stdout(toolVersion('mongodump'));
    return 0;
  }
  const o = toolOptions(ctx.argv);
  if (typeof o === 'string') {
    ctx.stderr(`${mongoTime(ctx.now())}\t${o}\n${mongoTime(ctx.now())}\ttry 'mongodump --help' for more information\n`);
    return 3;
  }
  if (!dial(ctx, o)) return 1;
  const ns = 'admin.system.version';
  if (o.archive !== undefined) {
    const where = o.archive === '-' ? 'archive on stdout' : `archive '${o.archive}'`;
    const size = o.gzip ? ARCHIVE_BYTES.gzip : ARCHIVE_BYTES.plain;
    if (o.archive !== '-') {
      const abs = normalizePath(o.archive, ctx.cwd);
      try {
        writeFile(ctx.host.fs, abs, '', ctx.now(), { size });
        ctx.changed(abs);
      } catch (e) {
        return fsFailure(ctx, o.archive, e);
      }
    }
    ctx.stderr(`${mongoTime(ctx.now())}\twriting ${ns} to ${where}\n`);
    ctx.sleep(3);
    if (o.archive === '-') ctx.stdout(`<mongodump archive: ${size} bytes>`);
    ctx.stderr(`${mongoTime(ctx.now())}\tdone dumping ${ns} (1 document)\n`);
    return 0;
  }
  const dir = o.out ?? 'dump';
  const gz = o.gzip ? '.gz' : '';
  const bson = `${dir}/admin/system.version.bson${gz}`;
  try {
    const abs = normalizePath(`${dir}/admin`, ctx.cwd);
    mkdirp(ctx.host.fs, abs, ctx.now());
    ctx.changed(abs);
    writeFile(ctx.host.fs, normalizePath(bson, ctx.cwd), '', ctx.now(), { size: o.gzip ? 82 : 59 });
    ctx.changed(normalizePath(bson, ctx.cwd));
    const meta = normalizePath(`${dir}/admin/system.version.metadata.json${gz}`, ctx.cwd);
    writeFile(ctx.host.fs, meta, '', ctx.now(), { size: o.gzip ? 142 : 179 });
    ctx.changed(meta);
  } catch (e) {
    return fsFailure(ctx, dir, e);
  }
  ctx.stderr(`${mongoTime(ctx.now())}\twriting ${ns} to ${bson}\n`);
  ctx.sleep(3);
  ctx.stderr(`${mongoTime(ctx.now())}\tdone dumping ${ns} (1 document)\n`);
  return 0;
};

/** `mongorestore --host H [--gzip] --archive=PATH | DIR`. */
export const mongorestore: ExternalCommand = (ctx) => {
  if (ctx.argv.includes('--version')) {
    ctx.stdout(toolVersion('mongorestore'));
    return 0;
  }
  const o = toolOptions(ctx.argv);
  if (typeof o === 'string') {
    ctx.stderr(`${mongoTime(ctx.now())}\t${o}\n${mongoTime(ctx.now())}\ttry 'mongorestore --help' for more information\n`);
    return 3;
  }
  const source = o.archive ?? o.positional[0] ?? 'dump';
  if (o.archive !== '-' && !stat(ctx.host.fs, normalizePath(source, ctx.cwd))) {
    if (!dial(ctx, o)) return 1;
    ctx.stderr(`${mongoTime(ctx.now())}\tFailed: stat ${source}: no such file or directory\n`);
    return 1;
  }
  if (!dial(ctx, o)) return 1;
  ctx.stderr(`${mongoTime(ctx.now())}\tpreparing collections to restore from\n`);
  ctx.sleep(4);
  ctx.stderr(`${mongoTime(ctx.now())}\tdone\n`);
  return 0;
};

export const MONGO_PROGRAMS: Record<string, ExternalCommand> = {
  'docker-entrypoint.sh': mongoEntrypoint,
  mongod,
  mongodump,
  mongorestore,
};
