// Checks a manifest being edited as `kubectl apply` would, without applying it: YAML syntax (js-yaml's marks),
// kinds and versions the cluster serves, then the API server's own defaulting, validation and admission on a
// scratch cluster (a dry run on the live one would draw from its seeded randomness), each error at its line.
import { load, YAMLException } from 'js-yaml';
import type { KubeObject } from '../api/meta';
import { resourceForKind, knownVersionsOfKind } from '../api/resources';
import { matchesMap } from '../api/selectors';
import { ApiError } from '../apiserver/api-error';
import { createSimulation } from '../sim/create';
import type { Simulation } from '../sim/simulation';
import type { ManifestDiagnostic } from '../host/api';
import { lineOfPath, splitFieldPath } from '../lessons/yaml-lines';
import { checkAgainstSchema } from './schema-check';

const scratchByConfig = new Map<string, Simulation>();

function scratchFor(live: Simulation): Simulation {
  const key = `${live.config.minor}/${live.config.cloudProvider}`;
  let sim = scratchByConfig.get(key);
  if (!sim) {
    sim = createSimulation({ start: Date.parse('2026-01-05T09:00:00Z'), workers: 1, seed: 1, minor: live.config.minor, cloudProvider: live.config.cloudProvider });
    scratchByConfig.set(key, sim);
  }
  return sim;
}

/** Splits a multi-document YAML text, keeping each document's first line (0-based). */
function documents(text: string): { text: string; firstLine: number }[] {
  const lines = text.split('\n');
  const docs: { text: string; firstLine: number }[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i]!)) {
      const body = lines.slice(start, i).join('\n');
      if (body.trim()) docs.push({ text: body, firstLine: start });
      start = i + 1;
    }
  }
  return docs;
}

/** Every problem kubectl apply would report for `text`, with 1-based lines and columns. */
export function validateManifest(text: string, live: Simulation): ManifestDiagnostic[] {
  const out: ManifestDiagnostic[] = [];
  for (const doc of documents(text)) {
    const at = (path: (string | number)[]) => doc.firstLine + lineOfPath(doc.text, path);
    let obj: unknown;
    try {
      obj = load(doc.text);
    } catch (e) {
      if (e instanceof YAMLException) {
        out.push({ line: doc.firstLine + (e.mark?.line ?? 0) + 1, column: (e.mark?.column ?? 0) + 1, severity: 'error', message: `yaml: ${e.reason}` });
        continue;
      }
      throw e;
    }
    if (obj === null || obj === undefined) continue;
    if (typeof obj !== 'object' || Array.isArray(obj)) {
      out.push({ line: doc.firstLine + 1, column: 1, severity: 'error', message: 'error validating data: invalid object to validate' });
      continue;
    }
    const o = obj as KubeObject;
    const missing = [!o.apiVersion && 'apiVersion not set', !o.kind && 'kind not set'].filter(Boolean);
    if (missing.length) {
      out.push({ line: doc.firstLine + 1, column: 1, severity: 'error', message: `error validating data: ${missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`}` });
      continue;
    }
    const minor = live.config.minor;
    if (!resourceForKind(String(o.apiVersion), String(o.kind), minor)) {
      const served = knownVersionsOfKind(String(o.kind)).find((v) => resourceForKind(v, String(o.kind), minor));
      out.push({
        line: at(['apiVersion']),
        column: 1,
        severity: 'error',
        message: `no matches for kind "${o.kind}" in version "${o.apiVersion}"${served ? ` (this cluster serves ${o.kind} in ${served})` : ''}`,
      });
      continue;
    }
    // Decoding against the real types comes first, as in the API server: a wrong type or an unknown field stops there.
    const decoding = checkAgainstSchema(o as unknown as Record<string, unknown>, String(o.apiVersion), String(o.kind));
    if (decoding.length) {
      for (const p of decoding) out.push({ line: at(p.path), column: 1, severity: 'error', message: p.message });
      continue;
    }
    o.metadata ??= {};
    try {
      scratchFor(live).api.create({ ...o, metadata: { ...o.metadata, namespace: 'default' } }, { dryRun: true });
    } catch (e) {
      if (!(e instanceof ApiError)) {
        out.push({ line: doc.firstLine + 1, column: 1, severity: 'error', message: e instanceof Error ? e.message : String(e) });
        continue;
      }
      const causes = e.details.causes ?? [];
      if (causes.length === 0) out.push({ line: doc.firstLine + 1, column: 1, severity: 'error', message: e.message });
      for (const c of causes) out.push({ line: c.field ? at(splitFieldPath(c.field)) : doc.firstLine + 1, column: 1, severity: 'error', message: c.field ? `${c.field}: ${c.message}` : c.message });
      continue;
    }
    out.push(...warnings(o, live, at));
  }
  return out;
}

/** What applies but will not do what the learner expects: a Service or Deployment whose selector matches nothing. */
function warnings(o: KubeObject, live: Simulation, at: (path: (string | number)[]) => number): ManifestDiagnostic[] {
  const spec = (o.spec ?? {}) as Record<string, unknown>;
  if (o.kind === 'Service' && spec.selector && typeof spec.selector === 'object' && spec.type !== 'ExternalName') {
    const ns = o.metadata.namespace ?? 'default';
    const pods = live.api.list('Pod', ns);
    if (pods.length && !pods.some((p) => matchesMap(p.metadata.labels, spec.selector as Record<string, string>))) {
      return [{ line: at(['spec', 'selector']), column: 1, severity: 'warning', message: `no pod in namespace ${ns} has the labels ${Object.entries(spec.selector).map(([k, v]) => `${k}=${String(v)}`).join(',')}: this Service would have no endpoints` }];
    }
  }
  if (['Deployment', 'ReplicaSet'].includes(o.kind)) {
    const sel = (spec.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
    const labels = (spec.template as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata?.labels;
    if (sel && !matchesMap(labels, sel)) return [{ line: at(['spec', 'selector']), column: 1, severity: 'warning', message: '`selector` does not match template `labels`' }];
  }
  return [];
}
