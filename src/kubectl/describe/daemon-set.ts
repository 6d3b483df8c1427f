// describe daemonset. https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/daemon-set-v1/
import type { DaemonSet } from '../../api/workloads';
import type { DescribeContext } from './context';
import { describeEvents, eventsFor } from './events';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './meta-blocks';
import { describePodTemplate } from './pod-spec';
import { LEVEL_0, tabbedString } from './prefix-writer';
import { formatPhaseCounts, podPhaseCounts } from './controller-pods';

export function describeDaemonSet(ds: DaemonSet, ctx: DescribeContext): string {
  const counts = podPhaseCounts(ctx, ds.metadata.namespace ?? '', ds.spec.selector, ds.metadata.uid);
  const events = eventsFor(ctx, ds);
  const status = ds.status;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${formatPhaseCounts(counts)}\n`);
    describePodTemplate(ds.spec.template, w, ctx.minor);
    if (events) describeEvents(events, w, ctx.now);
  });
}
