import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { ApiError } from './api-error';
import { applyDefaults } from './defaults';
import { managedFieldsOf, recordUpdate } from './managed-fields';
import { serverSideApply } from './server-side-apply';

const NOW = Date.parse('2026-01-05T09:00:00Z');

function configMap(data: Record<string, string>, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default', ...extra }, data };
}

function deployment(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  };
}

const apply = (live: KubeObject | undefined, config: KubeObject, manager = 'kubectl', force = false) => serverSideApply(live, config, { manager, force, now: NOW });

describe('server-side apply', () => {
  it('creates a missing object owned by its applier', () => {
    const created = apply(undefined, configMap({ a: '1' }));
    expect(created.data).toEqual({ a: '1' });
    expect(managedFieldsOf(created)).toEqual([{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2026-01-05T09:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } }]);
  });

  it('removes the fields its manager stopped applying, and keeps those of other managers', () => {
    let obj = apply(undefined, configMap({ a: '1', b: '2' }));
    obj = apply(obj, configMap({ c: '3' }), 'other');
    obj = apply(obj, configMap({ a: '1' }));
    expect(obj.data).toEqual({ a: '1', c: '3' });
  });

  it('answers a conflict when another manager owns a field it changes', () => {
    const live = apply(undefined, configMap({ a: '1' }), 'alice');
    let error: unknown;
    try {
      apply(live, configMap({ a: '2' }), 'bob');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(409);
    expect((error as ApiError).message).toBe('Apply failed with 1 conflict: conflict with "alice": .data.a');
    expect((error as ApiError).details.causes).toEqual([{ reason: 'FieldManagerConflict', message: 'conflict with "alice"', field: '.data.a' }]);
  });

  it('co-owns a field set to the same value, without conflict', () => {
    const live = apply(undefined, configMap({ a: '1' }), 'alice');
    const after = apply(live, configMap({ a: '1' }), 'bob');
    expect(managedFieldsOf(after)?.map((m) => m.manager)).toEqual(['alice', 'bob']);
  });

  it('takes the fields with force, and the other manager loses them', () => {
    const live = apply(undefined, configMap({ a: '1' }), 'alice');
    const after = apply(live, configMap({ a: '2' }), 'bob', true);
    expect(after.data).toEqual({ a: '2' });
    expect(managedFieldsOf(after)?.map((m) => m.manager)).toEqual(['bob']);
  });

  it('names an Update manager with its apiVersion and groups several conflicts by manager', () => {
    const created = recordUpdate(undefined, { ...deployment(2), metadata: { ...deployment(2).metadata, labels: { x: 'y' } } }, 'kubectl-create', { now: NOW, minor: 32 });
    const config = deployment(3);
    (config.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = 'nginx:1.27';
    expect(() => apply(created, config)).toThrow(
      'Apply failed with 2 conflicts: conflicts with "kubectl-create" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
    );
  });

  it('lets kubectl take over fields still as its last client-side apply left them', () => {
    const text = JSON.stringify(deployment(2));
    const live = recordUpdate(undefined, { ...deployment(2), metadata: { ...deployment(2).metadata, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': text } } }, 'kubectl-client-side-apply', { now: NOW, minor: 32 });
    expect(() => apply(live, deployment(3))).not.toThrow();
    expect(() => apply(live, deployment(3), 'someone-else')).toThrow('conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
  });
});

describe('managed fields of updates', () => {
  it('owns the defaulted fields of a create, as kubectl create shows them', () => {
    const created = recordUpdate(undefined, deployment(1), 'kubectl-create', { now: NOW, minor: 32 });
    const [entry] = managedFieldsOf(created)!;
    expect(entry!.manager).toBe('kubectl-create');
    expect(entry!.operation).toBe('Update');
    const spec = (entry!.fieldsV1['f:spec'] ?? {}) as Record<string, unknown>;
    expect(Object.keys(spec)).toEqual(['f:progressDeadlineSeconds', 'f:replicas', 'f:revisionHistoryLimit', 'f:selector', 'f:strategy', 'f:template']);
  });

  it('gives a scale only .spec.replicas, under the scale subresource', () => {
    const live = recordUpdate(undefined, deployment(1), 'kubectl-create', { now: NOW, minor: 32 });
    const scaled = recordUpdate(live, { ...live, spec: { ...(live.spec as object), replicas: 3 } }, 'kubectl', { now: NOW, minor: 32, subresource: 'scale' });
    const entries = managedFieldsOf(scaled)!;
    expect(entries.find((e) => e.subresource === 'scale')?.fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(JSON.stringify(entries.find((e) => e.manager === 'kubectl-create')?.fieldsV1)).not.toContain('f:replicas');
  });

  it('changes nothing when the write changes nothing', () => {
    const live = recordUpdate(undefined, deployment(1), 'kubectl-create', { now: NOW, minor: 32 });
    applyDefaults(live, { minor: 32 });
    const again = recordUpdate(live, live, 'kubectl-edit', { now: NOW + 60_000, minor: 32 });
    expect(managedFieldsOf(again)).toEqual(managedFieldsOf(live));
  });
});
