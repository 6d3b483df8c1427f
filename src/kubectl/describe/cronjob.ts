// describe cronjob. https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/cron-job-v1/
import type { CronJob } from '../../api/cronjob';
import type { DescribeContext } from './context';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, selectorString } from './meta-blocks';
import { describePodTemplate } from './pod-spec';
import { LEVEL_0, tabbedString } from './prefix-writer';
import { rfc1123z } from './time-format';

const boolPtr = (b: boolean | undefined) => (b === undefined ? '<unset>' : b ? 'True' : 'False');

export function describeCronJob(cj: CronJob, ctx: DescribeContext): string {
  const events = eventsFor(ctx, cj);
  const spec = cj.spec;
  const job = spec.jobTemplate?.spec;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${boolPtr(spec.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
    w.write(LEVEL_0, `Selector:\t${job?.selector ? selectorString(job.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, `Parallelism:\t${job?.parallelism ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Completions:\t${job?.completions ?? '<unset>'}\n`);
    if (job?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${job.activeDeadlineSeconds}s\n`);
    describePodTemplate(job?.template, w, ctx.minor);
    w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
    const active = cj.status?.active ?? [];
    w.write(LEVEL_0, `Active Jobs:\t${active.length ? active.map((j) => j.name).join(', ') : '<none>'}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}
