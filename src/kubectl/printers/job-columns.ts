// `kubectl get jobs` and `cronjobs`: printJob (STATUS since 1.30, COMPLETIONS, DURATION) and printCronJob
// (TIMEZONE since 1.30, SUSPEND, ACTIVE, LAST SCHEDULE).
import type { Condition, KubeObject } from '../../api/meta';
import type { Job } from '../../api/job';
import type { CronJob } from '../../api/cronjob';
import type { Table, TableColumn } from './table';
import { humanDuration } from '../../sim/duration';
import { boolPtr, containerCells, formatLabelSelector, int, parseTime, since, type PrintContext } from './cells';

/** The first release whose job and cronjob tables have the STATUS and TIMEZONE columns (kubernetes#123226, #122231). */
export const JOB_STATUS_SINCE = 30;
export const CRONJOB_TIMEZONE_SINCE = 30;

export function jobTable(objects: KubeObject[], ctx: PrintContext): Table {
  const withStatus = ctx.minor >= JOB_STATUS_SINCE;
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    ...(withStatus ? [{ name: 'Status', priority: 0 }] : []),
    { name: 'Completions', priority: 0 },
    { name: 'Duration', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ];
  return { columns, rows: objects.map((o) => ({ object: o, cells: jobCells(o as Job, ctx, withStatus) })) };
}

/** hasJobCondition: the first condition of that type decides. */
function hasCondition(conditions: Condition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c?.status === 'True';
}

/** The STATUS column of a job. */
export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCells(job: Job, ctx: PrintContext, withStatus: boolean): string[] {
  const succeeded = job.status?.succeeded ?? 0;
  let completions: string;
  if (job.spec?.completions !== undefined && job.spec?.completions !== null) completions = `${succeeded}/${job.spec.completions}`;
  else {
    const parallelism = job.spec?.parallelism ?? 0;
    completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
  }
  const start = parseTime(job.status?.startTime);
  const end = parseTime(job.status?.completionTime);
  let duration = '';
  if (start !== undefined) duration = end === undefined ? humanDuration(ctx.now - start) : humanDuration(end - start);
  const cells = [job.metadata.name ?? ''];
  if (withStatus) cells.push(jobStatus(job));
  cells.push(completions, duration, since(job.metadata.creationTimestamp, ctx.now));
  if (ctx.wide) {
    const [names, images] = containerCells(job.spec?.template?.spec?.containers);
    cells.push(names, images, formatLabelSelector(job.spec?.selector));
  }
  return cells;
}

export function cronJobTable(objects: KubeObject[], ctx: PrintContext): Table {
  const withZone = ctx.minor >= CRONJOB_TIMEZONE_SINCE;
  const columns: TableColumn[] = [
    { name: 'Name', priority: 0, format: 'name' },
    { name: 'Schedule', priority: 0 },
    ...(withZone ? [{ name: 'Timezone', priority: 0 }] : []),
    { name: 'Suspend', priority: 0 },
    { name: 'Active', priority: 0 },
    { name: 'Last Schedule', priority: 0 },
    { name: 'Age', priority: 0 },
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ];
  return {
    columns,
    rows: objects.map((o) => {
      const cj = o as CronJob;
      const cells = [cj.metadata.name ?? '', cj.spec?.schedule ?? ''];
      if (withZone) cells.push(cj.spec?.timeZone ?? '<none>');
      const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, ctx.now) : '<none>';
      cells.push(boolPtr(cj.spec?.suspend), int(cj.status?.active?.length), last, since(cj.metadata.creationTimestamp, ctx.now));
      if (ctx.wide) {
        const jobSpec = cj.spec?.jobTemplate?.spec;
        const [names, images] = containerCells(jobSpec?.template?.spec?.containers);
        cells.push(names, images, formatLabelSelector(jobSpec?.selector));
      }
      return { object: o, cells };
    }),
  };
}
