import { describe, expect, it } from 'vitest';
import { Session } from '../host/session';
import { checkAgainstSchema } from './schema-check';
import { completeManifest } from './schema-complete';
import { validateManifest } from './validate-manifest';

const START = '2026-01-05T09:00:00.000Z';
const POD_TYPO = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    imagee: nginx\n    image: nginx\n';
const SERVICE_STRING_PORT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: "eighty"\n';

describe('checkAgainstSchema', () => {
  it('reports an unknown field with its full path, as strict decoding does', () => {
    const problems = checkAgainstSchema({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labls: {} }, spec: { containers: [{ name: 'c', imagee: 'nginx' }] } }, 'v1', 'Pod');
    expect(problems.map((p) => p.message)).toEqual([
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.labls"',
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    ]);
    expect(problems[1]!.path).toEqual(['spec', 'containers', 0, 'imagee']);
  });

  it('stops at the first value of the wrong type, in Go json’s words', () => {
    const [p] = checkAgainstSchema({ apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 'eighty' }], bogus: 1 } }, 'v1', 'Service');
    expect(p!.message).toBe('Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32');
    const [q] = checkAgainstSchema({ apiVersion: 'batch/v1', kind: 'Job', spec: { template: { spec: { containers: 'busybox' } } } }, 'batch/v1', 'Job');
    expect(q!.message).toBe('Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container');
  });

  it('accepts a number or a name for targetPort, quantities as numbers or strings, and null anywhere', () => {
    expect(checkAgainstSchema({ spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }], selector: null } }, 'v1', 'Service')).toEqual([]);
    expect(checkAgainstSchema({ spec: { containers: [{ name: 'c', resources: { limits: { cpu: 1, memory: '64Mi' } } }] } }, 'v1', 'Pod')).toEqual([]);
  });
});

describe('validateManifest with the schemas', () => {
  it('puts an unknown field on its line, before the API server’s semantic checks', () => {
    const s = new Session({ start: START });
    expect(validateManifest(POD_TYPO, s.sim)).toEqual([{ line: 8, column: 1, severity: 'error', message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"' }]);
    expect(validateManifest(SERVICE_STRING_PORT, s.sim)[0]).toMatchObject({ line: 9, message: expect.stringContaining('json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32') });
  });
});

describe('completeManifest', () => {
  const at = (text: string, explicit = true) => completeManifest(text.replace('|', ''), text.indexOf('|'), explicit);
  const labels = (text: string) => at(text)?.options.map((o) => o.label) ?? [];

  it('offers a container’s fields inside a Deployment’s pod template, from the schemas', () => {
    const keys = labels('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        |');
    expect(keys).toEqual(expect.arrayContaining(['image', 'ports', 'startupProbe', 'resizePolicy', 'volumeMounts']));
    expect(keys).not.toContain('replicas');
  });

  it('offers a CronJob’s spec fields and its concurrency policies', () => {
    expect(labels('apiVersion: batch/v1\nkind: CronJob\nspec:\n  |')).toEqual(expect.arrayContaining(['schedule', 'timeZone', 'jobTemplate', 'concurrencyPolicy']));
    expect(labels('apiVersion: batch/v1\nkind: CronJob\nspec:\n  concurrencyPolicy: |')).toEqual(['Allow', 'Forbid', 'Replace']);
  });

  it('completes the word being typed, and stays quiet on an empty line unless asked', () => {
    const r = at('apiVersion: v1\nkind: Service\nspec:\n  ty|');
    expect(r?.from).toBe('apiVersion: v1\nkind: Service\nspec:\n  '.length);
    expect(r?.options.find((o) => o.label === 'type')).toMatchObject({ apply: 'type: ', detail: 'string' });
    expect(at('apiVersion: v1\nkind: Service\nspec:\n  |', false)).toBeNull();
  });
});
