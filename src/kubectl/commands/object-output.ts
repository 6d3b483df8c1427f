// `-o yaml|json|name` and the `pod/web created` lines of the commands that write objects.
// A minimal local printer until src/kubectl/printers exports printObjects (owned by the get engineer).
import type { KubeObject } from '../../api/meta';
import { resourceOfKind } from '../../api/resources';
import { KubectlError } from '../errors';
import { toJson } from '../printers/json';
import { toYaml } from '../printers/yaml';
import { omitManagedFields } from '../../apiserver/managed-fields';

export type DryRun = 'none' | 'client' | 'server';

/** `pod`, `deployment.apps`: the prefix of `-o name` and of `… created` lines. */
export function kindPrefix(obj: { kind: string; apiVersion?: string }, minor: number): string {
  const t = resourceOfKind(obj.kind, minor);
  const group = t?.group ?? (obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '');
  return group ? `${obj.kind.toLowerCase()}.${group}` : obj.kind.toLowerCase();
}

export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

/** `pod/web created (dry run)` */
export function operationLine(obj: KubeObject, operation: string, dryRun: DryRun, minor: number): string {
  return `${kindPrefix(obj, minor)}/${obj.metadata.name} ${operation}${dryRunSuffix(dryRun)}`;
}

export const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];

/** Checks `-o` before anything is written, with kubectl's error for an unknown format. */
export function checkOutputFormat(output: string | undefined): void {
  if (!output) return;
  const base = output.split('=')[0];
  if (!OUTPUT_FORMATS.includes(base)) {
    throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`);
  }
}

/**
 * Prints objects for `-o yaml|json|name`; YAML documents are separated by `---`. `typed`: JSON keeps the key order
 * of the object as built (kubectl's typed client-side objects), else keys are sorted (unstructured server objects).
 */
export function printObjects(objects: KubeObject[], output: string, minor: number, typed = false): string {
  let text = '';
  // kubectl omits metadata.managedFields from -o yaml|json unless --show-managed-fields.
  if (output === 'yaml' || output === 'json') objects = omitManagedFields(objects);
  objects.forEach((o, i) => {
    if (output === 'name') text += `${kindPrefix(o, minor)}/${o.metadata.name}\n`;
    else if (output === 'json') text += typed ? JSON.stringify(o, null, 4) + '\n' : toJson(o);
    else if (output === 'yaml') text += (i > 0 ? '---\n' : '') + toYaml(o);
    else throw new KubectlError(`output format "${output}" is not supported by Kubeville yet`);
  });
  return text;
}

/** `--dry-run`: none, client, server; a bare `--dry-run` is client with kubectl's deprecation warning. */
export function parseDryRun(value: string | undefined): { dryRun: DryRun; deprecated: boolean } {
  if (value === undefined || value === 'none') return { dryRun: 'none', deprecated: false };
  if (value === 'unchanged') return { dryRun: 'client', deprecated: true };
  if (value === 'client' || value === 'server') return { dryRun: value, deprecated: false };
  throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}
