// One string per live object: kind, namespace and name (unique at any instant; a uid changes on re-creation).
import type { KubeObject } from '../../../src/api/meta';

export type ObjectKey = string;

export function keyOf(kind: string, namespace: string | undefined, name: string): ObjectKey {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function objectKey(o: KubeObject): ObjectKey {
  return keyOf(o.kind, o.metadata.namespace, o.metadata.name ?? '');
}

export function parseKey(key: ObjectKey): { kind: string; namespace?: string; name: string } {
  const [kind = '', namespace = '', ...rest] = key.split('/');
  return { kind, namespace: namespace || undefined, name: rest.join('/') };
}
