// An explanation of a classic mistake, shown beside kubectl's real output: what happened, why, the fix, and the
// objects involved (the app highlights them on "show me").
import type { Text } from '../lessons/lesson-format';

export type ExplanationKind =
  | 'removed-api-version'
  | 'pending-node-selector'
  | 'pending-taint'
  | 'image-pull'
  | 'crash-loop'
  | 'service-no-endpoints'
  | 'clusterip-from-outside'
  | 'nodeport-out-of-range'
  | 'job-backoff-limit'
  | 'cronjob-not-firing';

export interface ExplainedObject {
  kind: string;
  namespace?: string;
  name: string;
}

export interface Explanation {
  /** Stable while the situation lasts: `kind:namespace/name`. */
  id: string;
  kind: ExplanationKind;
  title: Text;
  what: Text;
  why: Text;
  fix: Text;
  objects: ExplainedObject[];
}
