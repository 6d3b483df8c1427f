// CronJob, batch/v1. https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/cron-job-v1/
import type { KubeObject, ObjectMeta } from './meta';
import type { JobSpec } from './job';

export interface CronJobSpec {
  schedule: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  suspend?: boolean;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate: { metadata?: ObjectMeta; spec: JobSpec };
}

export interface CronJobStatus {
  active?: { kind: string; namespace: string; name: string; uid: string; apiVersion: string; resourceVersion: string }[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

export interface CronJob extends KubeObject {
  apiVersion: 'batch/v1' | 'batch/v1beta1';
  kind: 'CronJob';
  metadata: ObjectMeta;
  spec: CronJobSpec;
  status?: CronJobStatus;
}
