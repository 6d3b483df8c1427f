// Event, core/v1. https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/
import type { KubeObject, ObjectMeta } from './meta';

export interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface Event extends KubeObject {
  apiVersion: 'v1';
  kind: 'Event';
  metadata: ObjectMeta;
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  source: { component?: string; host?: string };
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  count: number;
  type: 'Normal' | 'Warning';
  eventTime: string | null;
  reportingComponent: string;
  reportingInstance: string;
}
