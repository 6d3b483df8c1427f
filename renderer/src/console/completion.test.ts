import { describe, expect, it } from 'vitest';
import { complete, type CompletionContext } from './completion';

const ctx: CompletionContext = {
  names: (kind) => ({ Pod: ['db', 'web', 'web-2'], Node: ['kind-control-plane', 'kind-worker', 'kind-worker2'], Service: ['db'] })[kind] ?? [],
  files: ['mongo-pod.yaml', 'mongo-svc.yaml', 'test-pod.yaml'],
};

describe('console completion', () => {
  it.each([
    ['', 'kubectl '],
    ['kub', 'kubectl '],
    ['kubectl ge', 'kubectl get '],
    ['kubectl get po', 'kubectl get pods '],
    ['kubectl get pods d', 'kubectl get pods db '],
    ['kubectl describe svc ', 'kubectl describe svc db '],
    ['kubectl get pod/d', 'kubectl get pod/db '],
    ['kubectl apply -f t', 'kubectl apply -f test-pod.yaml '],
    ['kubectl apply -f mongo-p', 'kubectl apply -f mongo-pod.yaml '],
    ['kubectl label node kind-c', 'kubectl label node kind-control-plane '],
    ['kubectl create cr', 'kubectl create cronjob '],
    ['kubectl logs w', 'kubectl logs web'],
  ])('completes %j to %j', (line, expected) => {
    expect(complete(line, ctx).line).toBe(expected);
  });

  it('completes to the common prefix and lists the choices when several fit', () => {
    expect(complete('kubectl apply -f mongo', ctx)).toEqual({ line: 'kubectl apply -f mongo-', options: ['mongo-pod.yaml', 'mongo-svc.yaml'] });
    expect(complete('kubectl label node kind-w', ctx)).toEqual({ line: 'kubectl label node kind-worker', options: ['kind-worker', 'kind-worker2'] });
  });

  it('leaves the line alone when nothing fits', () => {
    expect(complete('kubectl get pods zz', ctx)).toEqual({ line: 'kubectl get pods zz', options: [] });
    expect(complete('ls -', ctx)).toEqual({ line: 'ls -', options: [] });
  });
});
