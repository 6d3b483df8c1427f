// `kubectl create cronjob NAME --image=IMAGE --schedule=SPEC [--restart=…] [-- COMMAND…]`: the CronJob kubectl
// 1.32 sends (staging/src/k8s.io/kubectl/pkg/cmd/create/create_cronjob.go). kubectl does not check the schedule:
// the API server does.
import type { CronJob } from '../../api/cronjob';

export interface CreateCronJobOptions {
  name: string;
  image?: string;
  schedule?: string;
  /** --restart, default OnFailure (kubectl passes any value through). */
  restart?: string;
  command?: string[];
  namespace?: string;
}

/** The flag checks kubectl makes, worded as it prints them (cobra's required flags first). */
export function validateCreateCronJob(o: CreateCronJobOptions): string | undefined {
  if (o.schedule === undefined) return 'required flag(s) "schedule" not set';
  if (!o.image) return 'required flag(s) "image" not set';
  return undefined;
}

export function createCronJobObject(o: CreateCronJobOptions): CronJob {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.command?.length) container.command = o.command;
  container.resources = {};
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  metadata.creationTimestamp = null;
  const jobMetadata = { name: o.name, creationTimestamp: null };
  return {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata,
    spec: {
      schedule: o.schedule ?? '',
      jobTemplate: {
        metadata: jobMetadata,
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: o.restart || 'OnFailure' } } },
      },
    },
    status: {},
  } as unknown as CronJob;
}
