import { describe, expect, it } from 'vitest';
import type { Container, Probe } from '../api/pod';
import { probePort, probeUrl, runProbe, unhealthyMessage, type ExecOutcome, type ProbeServer, type ProbeTarget } from './probes';

const web: Container = { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] };

function target(servers: Record<number, ProbeServer>, exec: Partial<ExecOutcome> = {}): ProbeTarget {
  return {
    podIP: '10.244.1.5',
    listenerOn: (port) => servers[port],
    exec: () => ({ exitCode: 0, output: '', durationMs: 5, ...exec }),
  };
}

const nginx: ProbeServer = { protocol: 'http', request: (path) => (path === '/' ? 200 : 404) };
const mongo: ProbeServer = { protocol: 'tcp', banner: 'It looks like you are trying to access MongoDB over HTTP on the native driver port.\n', request: () => 200 };
const redis: ProbeServer = { protocol: 'tcp', banner: "-ERR wrong number of arguments for 'get' command\r\n", request: () => 200 };

describe('runProbe', () => {
  it.each<[string, Probe, ProbeTarget, ReturnType<typeof runProbe>]>([
    ['an HTTP 200', { httpGet: { path: '/', port: 80 } }, target({ 80: nginx }), { result: 'success' }],
    ['a named port', { httpGet: { path: '/', port: 'http' } }, target({ 80: nginx }), { result: 'success' }],
    ['an HTTP 404', { httpGet: { path: '/healthz', port: 80 } }, target({ 80: nginx }), { result: 'failure', output: 'HTTP probe failed with statuscode: 404' }],
    ['a refused HTTP dial', { httpGet: { path: '/', port: 8080 } }, target({}), { result: 'failure', output: 'Get "http://10.244.1.5:8080/": dial tcp 10.244.1.5:8080: connect: connection refused' }],
    ['HTTPS to an HTTP server', { httpGet: { path: '/', port: 80, scheme: 'HTTPS' } }, target({ 80: nginx }), { result: 'failure', output: 'Get "https://10.244.1.5:80/": http: server gave HTTP response to HTTPS client' }],
    ['HTTP to mongod', { httpGet: { path: '/', port: 27017 } }, target({ 27017: mongo }), { result: 'success' }],
    ['HTTP to redis', { httpGet: { path: '/', port: 6379 } }, target({ 6379: redis }), { result: 'failure', output: `Get "http://10.244.1.5:6379/": net/http: HTTP/1.x transport connection broken: malformed HTTP response "-ERR wrong number of arguments for 'get' command"` }],
    ['an undeclared port name', { httpGet: { path: '/', port: 'metrics' } }, target({}), { result: 'error', error: 'strconv.Atoi: parsing "metrics": invalid syntax' }],
    ['a TCP connect', { tcpSocket: { port: 27017 } }, target({ 27017: mongo }), { result: 'success' }],
    ['a refused TCP dial', { tcpSocket: { port: 5432 } }, target({}), { result: 'failure', output: 'dial tcp 10.244.1.5:5432: connect: connection refused' }],
    ['an exec exiting 0', { exec: { command: ['cat', '/tmp/healthy'] } }, target({}), { result: 'success' }],
    ['an exec exiting 1', { exec: { command: ['cat', '/tmp/healthy'] } }, target({}, { exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" }), { result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory\n" }],
    ['an exec past its timeout', { exec: { command: ['sh', '-c', 'sleep 5'] }, timeoutSeconds: 2 }, target({}, { durationMs: Infinity }), { result: 'failure', output: 'command timed out: "sh -c sleep 5" timed out after 2s' }],
    [
      'an exec the runtime cannot start',
      { exec: { command: ['curl', '-f', 'localhost'] } },
      target({}, { exitCode: 128, startError: 'exec: "curl": executable file not found in $PATH', execId: 'ab12' }),
      { result: 'error', error: 'rpc error: code = Unknown desc = failed to exec in container: failed to start exec "ab12": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown' },
    ],
  ])('judges %s', (_what, probe, t, outcome) => {
    expect(runProbe(probe, web, t)).toEqual(outcome);
  });

  it('expands $(VAR) in an exec probe from the container\'s literal env only', () => {
    let seen: string[] = [];
    const t: ProbeTarget = { ...target({}), exec: (argv) => ((seen = argv), { exitCode: 0, output: '', durationMs: 1 }) };
    runProbe({ exec: { command: ['test', '-f', '$(DIR)/ok', '$(POD)', '$$(DIR)'] } }, { ...web, env: [{ name: 'DIR', value: '/data' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }, t);
    expect(seen).toEqual(['test', '-f', '/data/ok', '$(POD)', '$(DIR)']);
  });
});

describe('probe helpers', () => {
  it.each<[number | string, { port: number } | { error: string }]>([
    [8080, { port: 8080 }],
    ['http', { port: 80 }],
    ['8080', { port: 8080 }],
    [0, { error: 'invalid port number: 0' }],
    ['web', { error: 'strconv.Atoi: parsing "web": invalid syntax' }],
  ])('resolves port %s', (port, out) => {
    expect(probePort(port, web)).toEqual(out);
  });

  it('formats URLs as the prober does', () => {
    expect(probeUrl('http', '10.244.1.5', 8080, '/healthz?full=1')).toBe('http://10.244.1.5:8080/healthz?full=1');
    expect(probeUrl('http', '10.244.1.5', 8080, 'ready')).toBe('http://10.244.1.5:8080/ready');
    expect(probeUrl('http', 'fd00::5', 80, '/')).toBe('http://[fd00::5]:80/');
  });

  it('words the Unhealthy events', () => {
    expect(unhealthyMessage('liveness', { result: 'failure', output: 'HTTP probe failed with statuscode: 500' })).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(unhealthyMessage('startup', { result: 'error', error: 'x' })).toBe('Startup probe errored and resulted in unknown state: x');
    expect(unhealthyMessage('readiness', { result: 'success' })).toBeUndefined();
  });
});
