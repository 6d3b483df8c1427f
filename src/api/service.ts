// Service, core/v1. https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/
import type { Condition, KubeObject, ObjectMeta } from './meta';

export interface ServicePort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServiceSpec {
  type?: ServiceType;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalName?: string;
  externalIPs?: string[];
  sessionAffinity?: 'None' | 'ClientIP';
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  externalTrafficPolicy?: 'Cluster' | 'Local';
  internalTrafficPolicy?: 'Cluster' | 'Local';
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  loadBalancerIP?: string;
  allocateLoadBalancerNodePorts?: boolean;
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
  [field: string]: unknown;
}

export interface ServiceStatus {
  loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] };
  conditions?: Condition[];
}

export interface Service extends KubeObject {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: ServiceSpec;
  status?: ServiceStatus;
}
