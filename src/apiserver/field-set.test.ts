import { describe, expect, it } from 'vitest';
import { FieldSet, formatPath, keyElement } from './field-set';
import { rootType } from './field-types';
import { compare, toFieldSet, type Json } from './typed-value';

const deployment = (replicas: number, image = 'nginx'): Json => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }], resources: {} }] } },
  },
});

describe('field sets', () => {
  it('encodes an applied deployment as FieldsV1, with keyed list items and atomic selectors', () => {
    const set = toFieldSet(deployment(2), rootType('apps/v1', 'Deployment'));
    expect(set.toFieldsV1()).toEqual({
      'f:apiVersion': {},
      'f:kind': {},
      'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:name': {} },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"nginx"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                'f:resources': {},
              },
            },
          },
        },
      },
    });
  });

  it('reads back what it writes', () => {
    const set = toFieldSet(deployment(2), rootType('apps/v1', 'Deployment'));
    expect(FieldSet.fromFieldsV1(set.toFieldsV1()).equals(set)).toBe(true);
  });

  it('keys list items by their sorted key fields, defaulting a missing protocol', () => {
    expect(keyElement({ protocol: 'TCP', containerPort: 80 })).toBe('k:{"containerPort":80,"protocol":"TCP"}');
  });

  it('prints paths as the API server names them in conflicts', () => {
    expect(formatPath(['f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"nginx"}', 'f:image'])).toBe('.spec.template.spec.containers[name="nginx"].image');
    expect(formatPath(['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}'])).toBe('.spec.ports[port=80,protocol="TCP"]');
    expect(formatPath(['f:metadata', 'f:finalizers', 'v:"a"'])).toBe('.metadata.finalizers[="a"]');
  });

  it('lists member paths level by level (a level’s own fields before its children’s)', () => {
    const set = FieldSet.of(['f:spec', 'f:template', 'f:x'], ['f:spec', 'f:replicas']);
    expect(set.paths().map(formatPath)).toEqual(['.spec.replicas', '.spec.template.x']);
  });

  it('compares objects into added, modified and removed fields', () => {
    const type = rootType('apps/v1', 'Deployment');
    const c = compare(deployment(2), deployment(3, 'nginx:1.27'), type);
    expect(c.modified.paths().map(formatPath)).toEqual(['.spec.replicas', '.spec.template.spec.containers[name="nginx"].image']);
    expect(c.added.isEmpty() && c.removed.isEmpty()).toBe(true);
  });

  it('marks a map that appears with its children as a member (the "." of FieldsV1)', () => {
    const type = rootType('v1', 'ConfigMap');
    const c = compare({ metadata: {} }, { metadata: { labels: { a: 'b' } } }, type);
    expect(c.added.toFieldsV1()).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } } });
  });
});
