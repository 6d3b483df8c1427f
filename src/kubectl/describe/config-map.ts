// describe configmap. https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/config-map-v1/
import type { KubeObject } from '../../api/meta';
import type { DescribeContext } from './context';
import { describeEvents, eventsFor } from './events';
import { byCodeUnit, printAnnotationsMultiline, printLabelsMultiline } from './meta-blocks';
import { LEVEL_0, tabbedString } from './prefix-writer';

interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

/** Bytes in a base64 string (binaryData travels base64-encoded). */
function base64Length(s: string): number {
  const clean = s.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

export function describeConfigMap(cm: ConfigMap, ctx: DescribeContext): string {
  const events = eventsFor(ctx, cm);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(cm.data ?? {}).sort(byCodeUnit)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(cm.binaryData ?? {}).sort(byCodeUnit)) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData![k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, ctx.now);
  });
}
