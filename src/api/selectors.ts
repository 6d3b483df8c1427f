// Label and field selectors: the string forms kubectl sends (`app=web,tier!=db,env in (a,b),!legacy`) and LabelSelector objects.
import type { KubeObject, LabelSelector } from './meta';

export interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!' | '=' | '==' | '!=';
  values: string[];
}

export class SelectorParseError extends Error {}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** labels.NewRequirement's value check: `values[0][app]: Invalid value: "web;": a valid label must be…`. */
function checkValues(key: string, values: string[]): void {
  values.forEach((v, i) => {
    if (v.length > 63) throw new SelectorParseError(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: must be no more than 63 characters`);
    if (!LABEL_VALUE.test(v)) {
      throw new SelectorParseError(
        `values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      );
    }
  });
}

/** Parses a label selector string as k8s.io/apimachinery/pkg/labels.Parse does. */
export function parseLabelSelector(text: string): Requirement[] {
  const reqs: Requirement[] = [];
  let i = 0;
  const s = text;
  const skipWs = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readKey = () => {
    const start = i;
    while (i < s.length && /[A-Za-z0-9._\-/]/.test(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    if (s[i] === '!') {
      i++;
      skipWs();
      const key = readKey();
      if (!key) throw new SelectorParseError(`found '${s[i] ?? ''}', expected: identifier`);
      reqs.push({ key, op: '!', values: [] });
    } else {
      const key = readKey();
      if (!key) throw new SelectorParseError(`found '${s[i] ?? ''}', expected: !, identifier, or 'end of string'`);
      skipWs();
      if (i >= s.length || s[i] === ',') {
        reqs.push({ key, op: 'exists', values: [] });
      } else if (s.startsWith('!=', i)) {
        i += 2;
        reqs.push({ key, op: '!=', values: [readValue(key)] });
      } else if (s.startsWith('==', i)) {
        i += 2;
        reqs.push({ key, op: '==', values: [readValue(key)] });
      } else if (s[i] === '=') {
        i += 1;
        reqs.push({ key, op: '=', values: [readValue(key)] });
      } else if (/^(in|notin)\s*\(/.test(s.slice(i))) {
        const op = s.startsWith('notin', i) ? 'notin' : 'in';
        i += op.length;
        skipWs();
        i++; // (
        const close = s.indexOf(')', i);
        if (close < 0) throw new SelectorParseError(`found 'end of string', expected: ')'`);
        const values = s.slice(i, close).split(',').map((v) => v.trim()).filter((v) => v !== '');
        i = close + 1;
        checkValues(key, values);
        reqs.push({ key, op, values });
      } else {
        throw new SelectorParseError(`found '${s[i]}', expected: in, notin, =, ==, !=, gt, lt`);
      }
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return reqs;

  function readValue(key: string): string {
    skipWs();
    const start = i;
    while (i < s.length && s[i] !== ',' && s[i] !== ' ') i++;
    const value = s.slice(start, i);
    checkValues(key, [value]);
    return value;
  }
}

export function matchesRequirements(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case '=':
      case '==':
      case 'in':
        return has && r.values.includes(l[r.key]);
      case '!=':
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
    }
  });
}

/** Matches a LabelSelector object (matchLabels and matchExpressions). An empty selector matches everything. */
export function matchesLabelSelector(labels: Record<string, string> | undefined, sel: LabelSelector | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(l[e.key]))) return false;
    if (e.operator === 'NotIn' && has && values.includes(l[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** A map selector (Service.spec.selector, nodeSelector): every pair must match; empty matches nothing here. */
export function matchesMap(labels: Record<string, string> | undefined, selector: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === v);
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(text: string): FieldRequirement[] {
  if (!text.trim()) return [];
  return text.split(',').map((part) => {
    const m = /^([^!=]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw new SelectorParseError(`invalid selector: '${text}'; can't understand '${part}'`);
    return { field: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] };
  });
}

/** The value of a selectable field (metadata.name, status.phase, spec.nodeName, involvedObject.name…). */
export function fieldValue(obj: KubeObject, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return String(cur);
}

/** Fields each kind lets you select on, as the API server allows them. */
export const SELECTABLE_FIELDS: Record<string, string[]> = {
  Pod: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['metadata.name', 'status.phase'],
  Job: ['metadata.name', 'metadata.namespace', 'status.successful'],
  Secret: ['metadata.name', 'metadata.namespace', 'type'],
};

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
  return reqs.every((r) => {
    let v: string | undefined;
    if (obj.kind === 'Event' && r.field === 'source') v = (obj as unknown as { source?: { component?: string } }).source?.component ?? '';
    else v = fieldValue(obj, r.field);
    return r.op === '=' ? v === r.value : v !== r.value;
  });
}
