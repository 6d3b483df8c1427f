// describe serviceaccount. https://kubernetes.io/docs/reference/kubernetes-api/authentication-resources/service-account-v1/
import type { KubeObject } from '../../api/meta';
import type { DescribeContext } from './context';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-blocks';
import { LEVEL_0, tabbedString } from './prefix-writer';

interface ServiceAccount extends KubeObject {
  secrets?: { name: string }[];
  imagePullSecrets?: { name: string }[];
}

interface Secret extends KubeObject {
  type?: string;
}

const EMPTY_HEADER = '                   ';

export function describeServiceAccount(sa: ServiceAccount, ctx: DescribeContext): string {
  const events = eventsFor(ctx, sa);
  const secrets = ctx.api.list<Secret>('Secret', sa.metadata.namespace);
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      (s.metadata.annotations?.['kubernetes.io/service-account.uid'] ?? '') === (sa.metadata.uid ?? ''),
  );
  const existing = new Set(secrets.map((s) => s.metadata.name));
  // Until kubectl 1.34 the (unused since 1.24) mountable secrets and token secrets were listed too.
  const sections: [string, string[]][] = [['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name)]];
  if (ctx.minor <= 33) {
    sections.push(['Mountable secrets: ', (sa.secrets ?? []).map((s) => (existing.has(s.name) ? s.name : `${s.name} (not found)`))]);
    sections.push(['Tokens:            ', tokens.map((s) => s.metadata.name ?? '')]);
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      names.forEach((n, i) => w.write(LEVEL_0, `${i === 0 ? header : EMPTY_HEADER}\t${n}\n`));
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
