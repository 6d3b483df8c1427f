// A small registry the console consults: kubectl output it recognises → an explanation in the learner's language,
// shown beside kubectl's real words (which stay untranslated). Pure: matching only, the words live in i18n.
import type { StringKey } from '../../i18n/strings';

export interface ConsoleExplanation {
  id: string;
  why: { key: StringKey; params: Record<string, string | number> };
  fix: { key: StringKey; params: Record<string, string | number> };
}

interface Rule {
  id: string;
  match: (stdout: string, stderr: string, minor: number) => ConsoleExplanation | undefined;
}

/** Group/versions Kubernetes removed, with the version that took over (the batch/v1beta1 CronJob of the lesson first). */
const REMOVED: Record<string, { removed: number; replacement: string }> = {
  'CronJob batch/v1beta1': { removed: 25, replacement: 'batch/v1' },
  'PodDisruptionBudget policy/v1beta1': { removed: 25, replacement: 'policy/v1' },
  'HorizontalPodAutoscaler autoscaling/v2beta2': { removed: 26, replacement: 'autoscaling/v2' },
  'Ingress extensions/v1beta1': { removed: 22, replacement: 'networking.k8s.io/v1' },
  'Ingress networking.k8s.io/v1beta1': { removed: 22, replacement: 'networking.k8s.io/v1' },
  'Deployment extensions/v1beta1': { removed: 16, replacement: 'apps/v1' },
  'Deployment apps/v1beta1': { removed: 16, replacement: 'apps/v1' },
};

const RULES: Rule[] = [
  {
    id: 'removed-api-version',
    match: (_out, err, minor) => {
      const m = /no matches for kind "([^"]+)" in version "([^"]+)"/.exec(err);
      if (!m) return undefined;
      const [, kind, version] = m;
      const known = REMOVED[`${kind} ${version}`];
      if (!known) return undefined;
      const params = { kind, version, removed: known.removed, replacement: known.replacement, minor };
      return { id: 'removed-api-version', why: { key: 'cronjob.explain.removedApi.why', params }, fix: { key: 'cronjob.explain.removedApi.fix', params } };
    },
  },
  {
    id: 'deprecated-api-version',
    match: (_out, err) => {
      const m = /Warning: (\S+) (\S+) is deprecated in v1\.\d+\+, unavailable in v1\.(\d+)\+; use (\S+) \S+/.exec(err);
      if (!m) return undefined;
      const [, version, kind, removed, replacement] = m;
      const params = { kind, version, removed: Number(removed), replacement };
      return { id: 'deprecated-api-version', why: { key: 'cronjob.explain.deprecatedApi.why', params }, fix: { key: 'cronjob.explain.deprecatedApi.fix', params } };
    },
  },
];

/** The explanations for one console entry's output, in rule order. */
export function explainOutput(stdout: string, stderr: string, minor: number): ConsoleExplanation[] {
  const out: ConsoleExplanation[] = [];
  for (const r of RULES) {
    const e = r.match(stdout, stderr, minor);
    if (e) out.push(e);
  }
  return out;
}
