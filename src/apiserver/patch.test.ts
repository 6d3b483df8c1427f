import { describe, expect, it } from 'vitest';
import { jsonMergePatch, jsonPatch, strategicMergePatch, threeWayMergePatch, type Json } from './patch';

const pod = (containers: Json[]): Json => ({ spec: { containers } });

describe('patches', () => {
  it('merges containers by name and env by name in a strategic merge patch', () => {
    const live = pod([{ name: 'web', image: 'nginx', env: [{ name: 'A', value: '1' }] }, { name: 'side', image: 'busybox' }]);
    const out = strategicMergePatch(live, pod([{ name: 'web', image: 'nginx:1.25', env: [{ name: 'B', value: '2' }] }]));
    expect(out).toEqual(pod([{ name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }, { name: 'side', image: 'busybox' }]));
  });

  it('removes a list item with $patch: delete', () => {
    const live = pod([{ name: 'web' }, { name: 'side' }]);
    expect(strategicMergePatch(live, pod([{ name: 'side', $patch: 'delete' }]))).toEqual(pod([{ name: 'web' }]));
  });

  it('replaces lists without a merge key (args) and deletes null fields', () => {
    const live: Json = { spec: { containers: [{ name: 'a', args: ['x', 'y'] }] }, metadata: { labels: { a: '1', b: '2' } } };
    const out = strategicMergePatch(live, { spec: { containers: [{ name: 'a', args: ['z'] }] }, metadata: { labels: { a: null } } });
    expect(out).toEqual({ spec: { containers: [{ name: 'a', args: ['z'] }] }, metadata: { labels: { b: '2' } } });
  });

  it('applies RFC 7386 merge patches and RFC 6902 JSON patches', () => {
    expect(jsonMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null }, l: [3] })).toEqual({ a: { c: 2 }, l: [3] });
    expect(jsonPatch({ a: [1, 2] }, [{ op: 'add', path: '/a/-', value: 3 }, { op: 'replace', path: '/a/0', value: 0 }])).toEqual({ a: [0, 2, 3] });
    expect(() => jsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }])).toThrow();
  });

  it('keeps fields set by controllers and removes fields dropped from the file in a three-way patch', () => {
    const original: Json = { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { replicas: 2 } };
    const modified: Json = { metadata: { labels: { app: 'web' } }, spec: { replicas: 2 } };
    const current: Json = { metadata: { labels: { app: 'web', tier: 'fe', 'pod-template-hash': 'x' } }, spec: { replicas: 2, revisionHistoryLimit: 10 } };
    const patch = threeWayMergePatch(original, modified, current);
    expect(patch).toEqual({ metadata: { labels: { tier: null } } });
    expect(strategicMergePatch(current, patch)).toEqual({ metadata: { labels: { app: 'web', 'pod-template-hash': 'x' } }, spec: { replicas: 2, revisionHistoryLimit: 10 } });
  });

  it('deletes a container removed from the file and keeps server-added fields of the others', () => {
    const original = pod([{ name: 'web', image: 'nginx' }, { name: 'side', image: 'busybox' }]);
    const modified = pod([{ name: 'web', image: 'nginx' }]);
    const current = pod([{ name: 'web', image: 'nginx', imagePullPolicy: 'Always' }, { name: 'side', image: 'busybox' }]);
    const out = strategicMergePatch(current, threeWayMergePatch(original, modified, current));
    expect(out).toEqual(pod([{ name: 'web', image: 'nginx', imagePullPolicy: 'Always' }]));
  });

  it('clears rollingUpdate when a Deployment switches to Recreate', () => {
    const original: Json = { spec: { strategy: { type: 'RollingUpdate' } } };
    const modified: Json = { spec: { strategy: { type: 'Recreate' } } };
    const current: Json = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } };
    expect(strategicMergePatch(current, threeWayMergePatch(original, modified, current))).toEqual(modified);
  });
});
