// EndpointSlice, discovery.k8s.io/v1. https://kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1/
import type { KubeObject, ObjectMeta } from './meta';

export interface Endpoint {
  addresses: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
}

export interface EndpointSlice extends KubeObject {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[] | null;
  ports: { name?: string; port?: number; protocol?: string; appProtocol?: string }[] | null;
}
