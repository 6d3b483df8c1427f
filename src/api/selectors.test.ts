import { describe, expect, it } from 'vitest';
import type { KubeObject, LabelSelector } from './meta';
import type { Pod } from './pod';
import { matchesFields, matchesLabelSelector, matchesMap, matchesRequirements, parseFieldSelector, parseLabelSelector, SelectorParseError } from './selectors';

describe('parseLabelSelector', () => {
  it.each([
    ['app=web', [{ key: 'app', op: '=', values: ['web'] }]],
    ['app==web', [{ key: 'app', op: '==', values: ['web'] }]],
    ['tier!=db', [{ key: 'tier', op: '!=', values: ['db'] }]],
    ['env in (a, b)', [{ key: 'env', op: 'in', values: ['a', 'b'] }]],
    ['env notin (a,b)', [{ key: 'env', op: 'notin', values: ['a', 'b'] }]],
    ['legacy', [{ key: 'legacy', op: 'exists', values: [] }]],
    ['!legacy', [{ key: 'legacy', op: '!', values: [] }]],
    ['app.kubernetes.io/name=web', [{ key: 'app.kubernetes.io/name', op: '=', values: ['web'] }]],
    [
      'app=web, tier!=db,!legacy',
      [
        { key: 'app', op: '=', values: ['web'] },
        { key: 'tier', op: '!=', values: ['db'] },
        { key: 'legacy', op: '!', values: [] },
      ],
    ],
    ['', []],
  ])('parses %j', (text, reqs) => {
    expect(parseLabelSelector(text)).toEqual(reqs);
  });

  it.each(['app=web;', 'env in (a', '=web', 'app>1'])('rejects %j', (text) => {
    expect(() => parseLabelSelector(text)).toThrow(SelectorParseError);
  });
});

describe('matchesRequirements', () => {
  const labels = { app: 'web', tier: 'front' };
  it.each([
    ['app=web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['tier in (front,back)', true],
    ['tier notin (front)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=back', false],
    ['', true],
  ])('labels app=web,tier=front %s %j', (text, expected) => {
    expect(matchesRequirements(labels, parseLabelSelector(text))).toBe(expected);
  });
});

describe('matchesLabelSelector', () => {
  const labels = { app: 'web', env: 'prod' };
  it.each<[string, LabelSelector | undefined, boolean]>([
    ['an empty selector matches everything', {}, true],
    ['a missing selector matches nothing', undefined, false],
    ['matchLabels that agree', { matchLabels: { app: 'web' } }, true],
    ['matchLabels that differ', { matchLabels: { app: 'db' } }, false],
    ['In', { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] }, true],
    ['NotIn', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, false],
    ['Exists', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
  ])('%s', (_name, sel, expected) => {
    expect(matchesLabelSelector(labels, sel)).toBe(expected);
  });
});

describe('matchesMap', () => {
  it.each<[Record<string, string> | undefined, Record<string, string> | undefined, boolean]>([
    [{ app: 'web', x: 'y' }, { app: 'web' }, true],
    [{ app: 'web' }, { app: 'web', tier: 'front' }, false],
    [undefined, { app: 'web' }, false],
    [{ app: 'web' }, undefined, false],
  ])('labels %j against selector %j: %s', (labels, sel, expected) => {
    expect(matchesMap(labels, sel)).toBe(expected);
  });
});

describe('field selectors', () => {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx' }], nodeName: 'kind-worker' },
    status: { phase: 'Running' },
  };

  it('parses =, == and != and ignores an empty selector', () => {
    expect(parseFieldSelector('status.phase=Running,spec.nodeName!=kind-worker2,metadata.name==web')).toEqual([
      { field: 'status.phase', op: '=', value: 'Running' },
      { field: 'spec.nodeName', op: '!=', value: 'kind-worker2' },
      { field: 'metadata.name', op: '=', value: 'web' },
    ]);
    expect(parseFieldSelector('  ')).toEqual([]);
  });

  it('rejects a term without an operator', () => {
    expect(() => parseFieldSelector('status.phase')).toThrow("invalid selector: 'status.phase'; can't understand 'status.phase'");
  });

  it.each([
    ['status.phase=Running', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=kind-worker', true],
    ['metadata.namespace=default,metadata.name=db', false],
    // An unset field compares as the empty string, as the API server's field sets have it.
    ['status.podIP=', true],
  ])('pod web %s: %s', (text, expected) => {
    expect(matchesFields(pod, parseFieldSelector(text))).toBe(expected);
  });

  it('selects events by source component', () => {
    const event: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, source: { component: 'kubelet' } };
    expect(matchesFields(event, parseFieldSelector('source=kubelet'))).toBe(true);
    expect(matchesFields(event, parseFieldSelector('source=default-scheduler'))).toBe(false);
  });
});

describe('label selector values', () => {
  it('refuses a value that is not a valid label value, as labels.NewRequirement does', () => {
    expect(() => parseLabelSelector('app=web;')).toThrow(/^values\[0\]\[app\]: Invalid value: "web;": a valid label must be an empty string/);
    expect(() => parseLabelSelector('env in (ok, b@d)')).toThrow(/^values\[1\]\[env\]: Invalid value: "b@d"/);
  });

  it('accepts an empty value (app= selects pods whose app label is empty)', () => {
    expect(parseLabelSelector('app=')).toEqual([{ key: 'app', op: '=', values: [''] }]);
    expect(matchesRequirements({ app: '' }, parseLabelSelector('app='))).toBe(true);
  });
});
