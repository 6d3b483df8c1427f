// The protobuf bodies here were captured from kubectl 1.32's typed commands against `kubeville serve`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeProtobufObject, ProtobufBodyError } from './protobuf-body';

const body = (name: string) => readFileSync(join(import.meta.dirname, 'testdata', 'protobuf', `${name}.pb`));

describe('protobuf request bodies', () => {
  it('decodes `create job` into the JSON kubectl would have sent', () => {
    expect(decodeProtobufObject(body('create-job'))).toEqual({
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name: 'myjob1', creationTimestamp: null },
      spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'myjob1', image: 'busybox', command: ['/bin/sh', '-c', 'sleep 30'], resources: {} }], restartPolicy: 'Never' } } },
      status: {},
    });
  });

  it('decodes a CronJob with its job template', () => {
    const cj = decodeProtobufObject(body('create-cronjob')) as { spec: { schedule: string; jobTemplate: { spec: { template: { spec: { restartPolicy: string; containers: { command: string[] }[] } } } } } };
    expect(cj.spec.schedule).toBe('*/1 * * * *');
    expect(cj.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(cj.spec.jobTemplate.spec.template.spec.containers[0].command).toEqual(['echo', 'hi']);
  });

  it('keeps a Deployment’s replicas: 0 (a pointer field), and its labels, selector and ports', () => {
    const zero = decodeProtobufObject(body('create-deployment-zero')) as { spec: { replicas: number } };
    expect(zero.spec.replicas).toBe(0);
    expect(decodeProtobufObject(body('create-deployment'))).toMatchObject({
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, strategy: {}, template: { spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } } },
    });
  });

  it('turns IntOrString into a number and leaves out zero ints (omitempty)', () => {
    expect(decodeProtobufObject(body('create-service-nodeport'))).toMatchObject({
      kind: 'Service',
      spec: { ports: [{ name: '80-80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }], selector: { app: 'np' }, type: 'NodePort' },
    });
  });

  it('encodes Secret bytes as base64, as JSON carries them', () => {
    expect(decodeProtobufObject(body('create-secret'))).toEqual({ kind: 'Secret', apiVersion: 'v1', metadata: { name: 's1', creationTimestamp: null }, data: { p: 'cQ==' } });
  });

  it('refuses a body without the k8s magic, and kinds it has no descriptor for', () => {
    expect(() => decodeProtobufObject(Buffer.from('{}'))).toThrow(ProtobufBodyError);
    // runtime.Unknown{typeMeta: {apiVersion: v1, kind: Foo}}
    const foo = Buffer.concat([Buffer.from('k8s\0', 'latin1'), Buffer.from([0x0a, 0x09, 0x0a, 0x02]), Buffer.from('v1'), Buffer.from([0x12, 0x03]), Buffer.from('Foo')]);
    expect(() => decodeProtobufObject(foo)).toThrow(/Foo in version "v1" cannot be decoded from protobuf/);
  });
});
