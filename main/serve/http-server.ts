// The HTTP side of `kubeville serve`: Node's https server on loopback only (kubectl sends tokens over TLS only),
// bearer-token authentication, request bodies, replies, and watches streamed as newline-delimited JSON.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { ApiHandler, type ApiRequest, type WatchPlan } from './api-handler';
import { jsonReply, statusBody, unauthorizedReply, type HttpReply } from './status';
import type { WatchHub } from './watch-hub';
import type { ServingCert } from './self-signed-cert';
import type { Duplex } from 'node:stream';
import type { PodStreams, PodStreamTarget } from './pod-streams';

/** The largest request body accepted (the API server's limit is 3 MiB). */
const MAX_BODY = 3 * 1024 * 1024;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host);
}

/** Requests outside the Kubernetes API (the CLI's advance/time/kubectl while serve holds the state file). */
export type ControlHandler = (method: string, path: string, body: string) => HttpReply | undefined;

export interface ApiServerOptions {
  handler: ApiHandler;
  hub: WatchHub;
  token: string;
  control?: ControlHandler;
  /** pods/log, pods/exec, pods/attach. */
  streams?: PodStreams;
  /** Sends BOOKMARKs this often to watches that allow them (ms). */
  bookmarkEveryMs?: number;
  /** Called after every request (a log line, tests). */
  onRequest?: (method: string, url: string, status: number) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTPS server on `host:port` (loopback only; port 0 picks a free one). */
export async function listen(options: ApiServerOptions, host: string, port: number, tls: ServingCert): Promise<RunningServer> {
  if (!isLoopbackHost(host)) throw new Error(`kubeville serve binds to loopback only (127.0.0.1 or ::1), not ${host}`);
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => serve(options, req, res));
  // Upgraded sockets (exec, attach) are no longer the http server's: closing it ends them here.
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    upgrade(options, req, socket, head);
  });
  const timer = setInterval(() => options.hub.bookmarkAll(), options.bookmarkEveryMs ?? 10_000);
  timer.unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '::1' ? '[::1]' : host === 'localhost' ? '127.0.0.1' : host;
  return {
    server,
    port: actual,
    url: `https://${shownHost}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        options.hub.close();
        server.closeAllConnections();
        for (const socket of upgraded) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function authorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1].trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

function serve(options: ApiServerOptions, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const done = (status: number) => options.onRequest?.(method, url, status);
  if (!authorized(req, options.token)) {
    req.resume();
    send(res, unauthorizedReply(), method);
    done(401);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY) tooLarge = true;
    else chunks.push(c);
  });
  req.on('end', () => {
    if (tooLarge) {
      send(res, jsonReply(413, statusBody(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728')), method);
      done(413);
      return;
    }
    const raw = Buffer.concat(chunks);
    const body = raw.toString('utf8');
    const path = url.split('?')[0];
    if (path.startsWith('/kubeville/') && options.control) {
      const r = options.control(method, path, body) ?? jsonReply(404, statusBody(404, 'NotFound', 'the server could not find the requested resource', {}));
      send(res, r, method);
      done(r.status);
      return;
    }
    const target = podStreamTarget(url);
    if (target && options.streams) {
      if (target.subresource === 'log' && (method === 'GET' || method === 'HEAD')) {
        const r = options.streams.logs(target);
        if ('reply' in r) {
          send(res, r.reply, method);
          done(r.reply.status);
          return;
        }
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
        res.flushHeaders();
        let ended = false;
        const stop = r.follow(
          (text) => {
            if (!ended && text) res.write(text);
          },
          () => {
            if (!ended) res.end();
            ended = true;
          },
        );
        res.on('close', () => {
          ended = true;
          stop();
        });
        done(200);
        return;
      }
      if (target.subresource !== 'log') {
        // Not an upgrade (SPDY and WebSocket upgrades arrive on 'upgrade'): refused as the pod allows, else 400.
        const r = options.streams.upgrade(target, req, req.socket, Buffer.alloc(0)) ?? jsonReply(400, statusBody(400, 'BadRequest', 'Upgrade request required'));
        send(res, r, method);
        done(r.status);
        return;
      }
    }
    const request: ApiRequest = { method, url, body, raw, headers: flatHeaders(req) };
    const response = options.handler.handle(request);
    if ('reply' in response) {
      send(res, response.reply, method);
      done(response.reply.status);
      return;
    }
    streamWatch(options.hub, response.watch, res);
    done(200);
  });
}

const POD_STREAM = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(log|exec|attach)\/?$/;

/** `/api/v1/namespaces/NS/pods/NAME/{log,exec,attach}?…`, or undefined. */
export function podStreamTarget(url: string): PodStreamTarget | undefined {
  const u = new URL(url, 'http://localhost');
  const m = POD_STREAM.exec(u.pathname);
  if (!m) return undefined;
  return { namespace: decodeURIComponent(m[1]), name: decodeURIComponent(m[2]), subresource: m[3] as PodStreamTarget['subresource'], query: u.searchParams };
}

/** WebSocket and SPDY/3.1 upgrades: pods/exec and pods/attach only; anything else is answered as plain HTTP and closed. */
function upgrade(options: ApiServerOptions, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const url = req.url ?? '/';
  const refuse = (r: HttpReply) => {
    socket.end(`HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(r.body)}\r\nConnection: close\r\n\r\n${r.body}`);
    options.onRequest?.(req.method ?? 'GET', url, r.status);
  };
  socket.on('error', () => socket.destroy());
  if (!authorized(req, options.token)) return refuse(unauthorizedReply());
  const target = podStreamTarget(url);
  if (!target || target.subresource === 'log' || !options.streams) return refuse(jsonReply(404, statusBody(404, 'NotFound', 'the server could not find the requested resource', {})));
  const r = options.streams.upgrade(target, req, socket, head);
  if (r) return refuse(r);
  options.onRequest?.(req.method ?? 'GET', url, 101);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

function flatHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(res: ServerResponse, reply: HttpReply, method: string): void {
  const headers = { 'Cache-Control': 'no-cache, private', ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)) };
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : reply.body);
}

function streamWatch(hub: WatchHub, plan: WatchPlan, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  let stop: () => void = () => {};
  const finish = () => {
    if (ended) return;
    ended = true;
    stop();
    if (timer) clearTimeout(timer);
    res.end();
  };
  stop = hub.open(plan, {
    send: (event) => {
      if (!ended) res.write(JSON.stringify(event) + '\n');
    },
    end: finish,
  });
  if (ended) return;
  if (plan.timeoutSeconds && plan.timeoutSeconds > 0) timer = setTimeout(finish, plan.timeoutSeconds * 1000);
  res.on('close', finish);
}
