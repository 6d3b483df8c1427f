// Job, batch/v1. https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/job-v1/
import type { Condition, KubeObject, LabelSelector, ObjectMeta } from './meta';
import type { PodTemplateSpec } from './pod';

export interface JobSpec {
  template: PodTemplateSpec;
  parallelism?: number;
  completions?: number | null;
  completionMode?: 'NonIndexed' | 'Indexed';
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  ttlSecondsAfterFinished?: number;
  suspend?: boolean;
  selector?: LabelSelector;
  manualSelector?: boolean;
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
  podFailurePolicy?: PodFailurePolicy;
  [field: string]: unknown;
}

/** How pod failures count towards backoffLimit (batch/v1, GA in 1.31). */
export interface PodFailurePolicy {
  rules: PodFailurePolicyRule[];
}

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count' | string;
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn' | string; values: number[] };
  onPodConditions?: { type: string; status?: 'True' | 'False' | 'Unknown' | string }[];
}

export interface JobStatus {
  active?: number;
  ready?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  startTime?: string;
  completionTime?: string;
  conditions?: Condition[];
  completedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
}

export interface Job extends KubeObject {
  apiVersion: 'batch/v1';
  kind: 'Job';
  metadata: ObjectMeta;
  spec: JobSpec;
  status?: JobStatus;
}
