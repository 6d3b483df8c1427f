// The API server's deprecation warnings (the `Warning:` header kubectl prints on stderr) for group/versions that
// are served but going away: k8s.io/apiserver's deprecation.go, texts from each type's APILifecycle markers.

interface Deprecation {
  apiVersion: string;
  kind: string;
  /** Minor version that deprecated it, and the first one that no longer serves it. */
  deprecated: number;
  removed: number;
  replacement: string;
}

const DEPRECATIONS: Deprecation[] = [{ apiVersion: 'batch/v1beta1', kind: 'CronJob', deprecated: 21, removed: 25, replacement: 'batch/v1 CronJob' }];

/** `Warning: batch/v1beta1 CronJob is deprecated in v1.21+, unavailable in v1.25+; use batch/v1 CronJob`, when it applies. */
export function deprecationWarning(apiVersion: string | undefined, kind: string | undefined, minor: number): string | undefined {
  const d = DEPRECATIONS.find((x) => x.apiVersion === apiVersion && x.kind === kind);
  if (!d || minor < d.deprecated || minor >= d.removed) return undefined;
  return `Warning: ${d.apiVersion} ${d.kind} is deprecated in v1.${d.deprecated}+, unavailable in v1.${d.removed}+; use ${d.replacement}`;
}
