// `kubectl create job NAME --image=IMAGE [-- COMMAND…]` and `--from=cronjob/NAME`: the Job kubectl 1.32 sends
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go), keys in kubectl's serialisation order.
import type { CronJob } from '../../api/cronjob';
import type { Job } from '../../api/job';

export interface CreateJobOptions {
  name: string;
  image?: string;
  /** What follows `--`. */
  command?: string[];
  /** `--from=cronjob/NAME` (only CronJobs are accepted). */
  from?: string;
  /** Set when -n/--namespace was given (kubectl's EnforceNamespace). */
  namespace?: string;
}

/** Validate(): the errors kubectl prints before it builds anything. Undefined when fine. */
export function validateCreateJob(o: CreateJobOptions): string | undefined {
  if ((!o.image && !o.from) || (o.image && o.from)) return 'either --image or --from must be specified';
  if (o.command?.length && o.from) return 'cannot specify --from and command';
  return undefined;
}

/** createJob(): a Job with one container named after it, restartPolicy Never. */
export function createJobObject(o: CreateJobOptions): Job {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.command?.length) container.command = o.command;
  container.resources = {};
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  metadata.creationTimestamp = null;
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata,
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  } as unknown as Job;
}

/** The resource part of `--from`: `cronjob/NAME`, `cj/NAME`, `cronjobs.batch/NAME`… → the CronJob's name. */
export function fromCronJobName(from: string): string | undefined {
  const i = from.indexOf('/');
  if (i < 0) return undefined;
  const type = from.slice(0, i).toLowerCase();
  return ['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(type) ? from.slice(i + 1) : undefined;
}

/**
 * createJobFromCronJob(): the CronJob's job template, annotation `cronjob.kubernetes.io/instantiate: manual`
 * first then the template's annotations, the template's labels, and a controller ownerReference to the CronJob
 * without blockOwnerDeletion (kubectl avoids needing the cronjobs/finalizers permission).
 */
export function createJobFromCronJob(o: CreateJobOptions, cronJob: CronJob): Job {
  const tmpl = cronJob.spec.jobTemplate;
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) };
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace) metadata.namespace = o.namespace;
  metadata.creationTimestamp = null;
  if (tmpl.metadata?.labels && Object.keys(tmpl.metadata.labels).length) metadata.labels = { ...tmpl.metadata.labels };
  metadata.annotations = annotations;
  metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name, uid: cronJob.metadata.uid, controller: true }];
  const spec = JSON.parse(JSON.stringify(tmpl.spec)) as Job['spec'];
  const template = spec.template as { metadata?: Record<string, unknown> };
  template.metadata = { creationTimestamp: null, ...(template.metadata ?? {}) };
  return { kind: 'Job', apiVersion: 'batch/v1', metadata, spec, status: {} } as unknown as Job;
}
