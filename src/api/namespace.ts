// Namespace, core/v1. https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/namespace-v1/
import type { KubeObject, ObjectMeta } from './meta';

export interface Namespace extends KubeObject {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
  spec?: { finalizers?: string[] };
  status?: { phase?: 'Active' | 'Terminating' };
}
