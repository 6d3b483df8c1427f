import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../../src/host/session';
import { listen } from './http-server';
import { startTestServer, TEST_TOKEN, type TestServer } from './test-server.test-helper';
import { selfSignedCert } from './self-signed-cert';
import { ApiHandler } from './api-handler';
import { WatchHub } from './watch-hub';
import { AGGREGATED_V2 } from './discovery';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

const pod = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'main', image: 'nginx' }] } });

describe('authentication and binding', () => {
  it('answers 401 with an Unauthorized Status to a request without the token', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server.host.url}/api/v1/pods`, { ca: server.host.tls.cert }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('answers 401 to a wrong token', async () => {
    const res = await server.get('/version', { Authorization: 'Bearer nope' });
    expect(res.status).toBe(401);
  });

  it('listens on 127.0.0.1 and refuses to bind another address', async () => {
    expect(server.host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const session = new Session({ startMs: 0 });
    const opts = { handler: new ApiHandler(session), hub: new WatchHub(session), token: 'x' };
    await expect(listen(opts, '0.0.0.0', 0, selfSignedCert())).rejects.toThrow(/loopback only/);
  });

  it('writes a kubeconfig with the kubeville cluster, context and token', () => {
    const text = readFileSync(server.kubeconfig, 'utf8');
    expect(text).toContain('current-context: kubeville');
    expect(text).toContain(`server: ${server.host.url}`);
    expect(text).toContain(`token: ${TEST_TOKEN}`);
    expect(text).toContain('certificate-authority-data: ');
  });
});

describe('discovery', () => {
  it('serves /version as a 1.32 server', async () => {
    const v = (await server.get('/version')).json();
    expect(v).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.2' });
  });

  it('serves aggregated discovery when asked for apidiscovery.k8s.io/v2', async () => {
    const res = await server.get('/apis', { Accept: `${AGGREGATED_V2},application/json` });
    expect(res.headers['content-type']).toBe(AGGREGATED_V2);
    const doc = res.json() as { kind: string; items: { metadata: { name: string }; versions: { version: string; resources: { resource: string; scope: string }[] }[] }[] };
    expect(doc.kind).toBe('APIGroupDiscoveryList');
    const apps = doc.items.find((g) => g.metadata.name === 'apps')!;
    expect(apps.versions[0].version).toBe('v1');
    expect(apps.versions[0].resources.find((r) => r.resource === 'deployments')).toMatchObject({ scope: 'Namespaced', singularResource: 'deployment', shortNames: ['deploy'] });
    const core = (await server.get('/api', { Accept: AGGREGATED_V2 })).json() as { items: { versions: { resources: { resource: string; subresources?: { subresource: string }[] }[] }[] }[] };
    const pods = core.items[0].versions[0].resources.find((r) => r.resource === 'pods')!;
    expect(pods.subresources?.map((s) => s.subresource)).toEqual(['eviction', 'log', 'status']);
  });

  it('serves the legacy lists to older clients', async () => {
    expect((await server.get('/api')).json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = (await server.get('/apis')).json() as { groups: { name: string; preferredVersion: { groupVersion: string } }[] };
    expect(groups.groups.find((g) => g.name === 'batch')?.preferredVersion.groupVersion).toBe('batch/v1');
    const list = (await server.get('/api/v1')).json() as { resources: { name: string }[] };
    expect(list.resources.map((r) => r.name)).toContain('pods/status');
  });

  it('advertises fieldValidation on PATCH in OpenAPI v3, so kubectl validates on the server', async () => {
    const index = (await server.get('/openapi/v3')).json() as { paths: Record<string, { serverRelativeURL: string }> };
    const doc = (await server.get(index.paths['apis/apps/v1'].serverRelativeURL)).json() as { paths: Record<string, { patch: { parameters: { name: string }[] } }> };
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch.parameters[0].name).toBe('fieldValidation');
  });
});

describe('errors as metav1.Status', () => {
  it('404 NotFound for a missing object', async () => {
    const res = await server.get('/api/v1/namespaces/default/pods/nope');
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: '', kind: 'pods' },
      code: 404,
    });
  });

  it('404 for a path nothing serves', async () => {
    const res = await server.get('/apis/nope.example.com/v1/things');
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ reason: 'NotFound', message: 'the server could not find the requested resource' });
  });

  it('409 AlreadyExists when creating twice', async () => {
    expect((await server.send('POST', '/api/v1/namespaces/default/pods', pod('twice'))).status).toBe(201);
    const res = await server.send('POST', '/api/v1/namespaces/default/pods', pod('twice'));
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'AlreadyExists', message: 'pods "twice" already exists', code: 409 });
  });

  it('422 Invalid with causes', async () => {
    const bad = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'main' }] } };
    const res = await server.send('POST', '/api/v1/namespaces/default/pods', bad);
    expect(res.status).toBe(422);
    const status = res.json() as { reason: string; details: { causes: { field: string; reason: string }[] } };
    expect(status.reason).toBe('Invalid');
    expect(status.details.causes[0]).toMatchObject({ field: 'spec.containers[0].image', reason: 'FieldValueRequired' });
  });

  it('409 Conflict for a stale resourceVersion', async () => {
    const created = (await server.send('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '1' } })).json() as { metadata: { resourceVersion: string } };
    await server.send('PATCH', '/api/v1/namespaces/default/configmaps/cm', { data: { a: '2' } }, { 'Content-Type': 'application/merge-patch+json' });
    const res = await server.send('PUT', '/api/v1/namespaces/default/configmaps/cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', resourceVersion: created.metadata.resourceVersion }, data: { a: '3' } });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ reason: 'Conflict' });
  });

  it('warns about unknown fields and refuses them under fieldValidation=Strict', async () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'odd' }, dta: {} };
    const warned = await server.send('POST', '/api/v1/namespaces/default/configmaps', cm);
    expect(warned.status).toBe(201);
    expect(warned.headers.warning).toBe('299 - "unknown field \\"dta\\""');
    const strict = await server.send('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', { ...cm, metadata: { name: 'odd2' } });
    expect(strict.status).toBe(400);
    expect(strict.json().message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dta"');
  });
});

describe('lists, tables and patches', () => {
  it('pages a list with limit and continue', async () => {
    for (const n of ['p1', 'p2', 'p3']) await server.send('POST', '/api/v1/namespaces/default/pods', pod(n, { page: 'yes' }));
    const first = (await server.get('/api/v1/namespaces/default/pods?labelSelector=page%3Dyes&limit=2')).json() as { items: { metadata: { name: string } }[]; metadata: { continue: string; remainingItemCount: number } };
    expect(first.items.map((i) => i.metadata.name)).toEqual(['p1', 'p2']);
    expect(first.metadata.remainingItemCount).toBe(1);
    const next = (await server.get(`/api/v1/namespaces/default/pods?labelSelector=page%3Dyes&limit=2&continue=${first.metadata.continue}`)).json() as { items: { metadata: { name: string } }[]; metadata: { continue?: string } };
    expect(next.items.map((i) => i.metadata.name)).toEqual(['p3']);
    expect(next.metadata.continue).toBeUndefined();
  });

  it('answers a Table with the server-side columns when kubectl asks for one', async () => {
    const res = await server.get('/api/v1/nodes', { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    const table = res.json() as { kind: string; columnDefinitions: { name: string; priority: number }[]; rows: { cells: string[]; object: { kind: string } }[] };
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(table.rows[0].cells.slice(0, 2)).toEqual(['kind-control-plane', 'Ready']);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('applies a strategic merge patch that adds a label', async () => {
    const res = await server.send('PATCH', '/api/v1/namespaces/default/pods/p1', { metadata: { labels: { tier: 'web' } } }, { 'Content-Type': 'application/strategic-merge-patch+json' });
    expect(res.status).toBe(200);
    expect((res.json().metadata as { labels: Record<string, string> }).labels).toEqual({ page: 'yes', tier: 'web' });
  });
});

describe('watch over a real socket', () => {
  it('streams ADDED, MODIFIED and DELETED events with growing resourceVersions', async () => {
    const list = (await server.get('/api/v1/namespaces/default/configmaps')).json() as { metadata: { resourceVersion: string } };
    const events: { type: string; object: { metadata: { name: string; resourceVersion: string } } }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const req = request(
        `${server.host.url}/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${list.metadata.resourceVersion}&fieldSelector=metadata.name%3Dw`,
        { ca: server.host.tls.cert, headers: { Authorization: `Bearer ${TEST_TOKEN}` } },
        (res) => {
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString('utf8');
            let nl: number;
            while ((nl = buf.indexOf('\n')) >= 0) {
              events.push(JSON.parse(buf.slice(0, nl)));
              buf = buf.slice(nl + 1);
              if (events.length === 3) {
                req.destroy();
                resolve();
              }
            }
          });
        },
      );
      req.on('error', (e) => (events.length === 3 ? undefined : reject(e)));
      req.end();
      setTimeout(async () => {
        await server.send('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } });
        await server.send('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other' } });
        await server.send('PATCH', '/api/v1/namespaces/default/configmaps/w', { data: { k: 'v' } }, { 'Content-Type': 'application/merge-patch+json' });
        await server.send('DELETE', '/api/v1/namespaces/default/configmaps/w');
      }, 50);
    });
    await done;
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'w'],
      ['MODIFIED', 'w'],
      ['DELETED', 'w'],
    ]);
    const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(rvs[0]).toBeLessThan(rvs[1]);
    expect(rvs[1]).toBeLessThan(rvs[2]);
  });

  it('answers 410 Expired to a resourceVersion older than it remembers', async () => {
    const res = await server.get('/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1');
    const event = JSON.parse(res.text.trim().split('\n')[0]) as { type: string; object: { code: number; reason: string } };
    expect(event).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
  });
});

describe('the CLI through the server', () => {
  it('advances the clock and reports the time', async () => {
    const before = (await server.get('/kubeville/v1/time')).json().time as string;
    const after = (await server.send('POST', '/kubeville/v1/advance', { ms: 30_000 })).json().time as string;
    expect(Date.parse(after) - Date.parse(before)).toBe(30_000);
  });

  it('runs the kubectl emulation on the served simulation', async () => {
    const r = (await server.send('POST', '/kubeville/v1/kubectl', { args: ['get', 'ns', '-o', 'name'] })).json() as { stdout: string; exitCode: number };
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('namespace/kube-system');
  });
});

describe('server-side apply and managed fields', () => {
  const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  key: "${value}"\n`;
  const APPLY = { 'Content-Type': 'application/apply-patch+yaml' };

  it('creates the object an apply patch names, owned by its field manager (201)', async () => {
    const res = await server.send('PATCH', '/api/v1/namespaces/default/configmaps/ssa?fieldManager=alice', cm('1'), APPLY);
    expect(res.status).toBe(201);
    const managed = (res.json().metadata as { managedFields: { manager: string; operation: string; fieldsV1: unknown }[] }).managedFields;
    expect(managed.map((m) => [m.manager, m.operation, m.fieldsV1])).toEqual([['alice', 'Apply', { 'f:data': { 'f:key': {} } }]]);
  });

  it('requires a field manager for apply patches', async () => {
    const res = await server.send('PATCH', '/api/v1/namespaces/default/configmaps/ssa', cm('1'), APPLY);
    expect(res.status).toBe(422);
    expect(res.json().message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  });

  it('answers 409 with the conflicting fields, and takes them with force=true', async () => {
    const conflict = await server.send('PATCH', '/api/v1/namespaces/default/configmaps/ssa?fieldManager=bob&force=false', cm('2'), APPLY);
    expect(conflict.status).toBe(409);
    expect(conflict.json()).toMatchObject({
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "alice": .data.key',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.data.key' }] },
    });
    const forced = await server.send('PATCH', '/api/v1/namespaces/default/configmaps/ssa?fieldManager=bob&force=true', cm('2'), APPLY);
    expect(forced.status).toBe(200);
    expect(forced.json().data).toEqual({ key: '2' });
  });

  it('records user writes as Update entries named after the fieldManager parameter or the User-Agent', async () => {
    const created = await server.send('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'upd' }, data: { a: 'b' } }, { 'User-Agent': 'kubectl/v1.32.5 (linux/amd64) kubernetes/9894294' });
    const managed = (created.json().metadata as { managedFields: { manager: string; operation: string }[] }).managedFields;
    expect(managed.map((m) => [m.manager, m.operation])).toEqual([['kubectl', 'Update']]);
    const labelled = await server.send('PATCH', '/api/v1/namespaces/default/configmaps/upd?fieldManager=kubectl-label', { metadata: { labels: { x: 'y' } } }, { 'Content-Type': 'application/merge-patch+json' });
    const after = (labelled.json().metadata as { managedFields: { manager: string; fieldsV1: unknown }[] }).managedFields;
    expect(after.find((m) => m.manager === 'kubectl-label')?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:x': {} } } });
  });
});

describe('pods/eviction', () => {
  const deployment = (name: string, replicas: number) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  });
  const eviction = (name: string) => ({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } });
  const podsOf = (app: string) => server.session.sim.api.list('Pod', 'default').filter((p) => p.metadata.labels?.app === app);

  it('lists pods/eviction as a policy/v1 Eviction subresource, as kubectl drain checks before evicting', async () => {
    const list = (await server.get('/api/v1')).json() as { resources: { name: string; group?: string; version?: string; kind: string; verbs: string[] }[] };
    expect(list.resources.find((r) => r.name === 'pods/eviction')).toMatchObject({ group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
  });

  it('evicts with a graceful delete and answers 201 with a Success Status when no disruption budget applies', async () => {
    await server.send('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('evict-me', 1));
    server.session.advance(30_000);
    const [victim] = podsOf('evict-me');
    const res = await server.send('POST', `/api/v1/namespaces/default/pods/${victim!.metadata.name}/eviction`, eviction(victim!.metadata.name!));
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    expect(server.session.sim.api.tryGet('Pod', 'default', victim!.metadata.name!)?.metadata.deletionTimestamp).toBeDefined();
  });

  it('answers 429 TooManyRequests when a PodDisruptionBudget would be violated', async () => {
    await server.send('POST', '/apis/apps/v1/namespaces/default/deployments', deployment('guarded', 2));
    await server.send('POST', '/apis/policy/v1/namespaces/default/poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guarded' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'guarded' } } } });
    server.session.advance(30_000);
    const [victim] = podsOf('guarded');
    const res = await server.send('POST', `/api/v1/namespaces/default/pods/${victim!.metadata.name}/eviction`, eviction(victim!.metadata.name!));
    expect(res.status).toBe(429);
    expect(res.json()).toMatchObject({
      reason: 'TooManyRequests',
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget guarded needs 2 healthy pods and has 2 currently' }] },
    });
    expect(server.session.sim.api.tryGet('Pod', 'default', victim!.metadata.name!)?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('refuses an Eviction whose name is not the URL’s', async () => {
    const res = await server.send('POST', '/api/v1/namespaces/default/pods/a/eviction', eviction('b'));
    expect(res.status).toBe(400);
  });
});

describe('OpenAPI v3 schemas', () => {
  it('serves component schemas with descriptions and x-kubernetes-group-version-kind, so kubectl explain works', async () => {
    const index = (await server.get('/openapi/v3')).json() as { paths: Record<string, { serverRelativeURL: string }> };
    const doc = (await server.get(index.paths['api/v1'].serverRelativeURL)).json() as { components: { schemas: Record<string, Record<string, unknown>> } };
    const pod = doc.components.schemas['io.k8s.api.core.v1.Pod']!;
    expect(pod['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(pod.description).toMatch(/^Pod is a collection of containers/);
    const containers = (doc.components.schemas['io.k8s.api.core.v1.PodSpec']!.properties as Record<string, Record<string, unknown>>).containers!;
    expect(containers).toMatchObject({ type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-patch-merge-key': 'name' });
    expect(doc.components.schemas['io.k8s.api.policy.v1.Eviction']).toBeDefined();
  });
});
