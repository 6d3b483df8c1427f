// Reading manifests as kubectl does: -f files, folders, `-` for stdin, multi-document YAML or JSON, and Lists.
import { loadAll, YAMLException } from 'js-yaml';
import type { KubeObject } from '../api/meta';
import type { FileSource } from './context';
import { KubectlError } from './errors';

export interface Manifest {
  object: KubeObject;
  /** The file it came from, as the user named it (`-` for stdin). */
  source: string;
}

/** The files `-f` names: a file, each .yaml/.yml/.json in a folder, or stdin. */
export function expandFilenames(names: string[], files: FileSource): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (name === '-') {
      out.push('-');
      continue;
    }
    const listed = files.list?.(name);
    if (listed) {
      out.push(...listed.filter((f) => /\.(ya?ml|json)$/.test(f)).sort());
      continue;
    }
    if (files.read(name) === undefined) throw new KubectlError(`the path "${name}" does not exist`);
    out.push(name);
  }
  return out;
}

/** Parses YAML/JSON documents; throws kubectl's error for malformed text or objects without kind/apiVersion. */
export function parseManifests(text: string, source: string): Manifest[] {
  let docs: unknown[];
  try {
    docs = loadAll(text) as unknown[];
  } catch (e) {
    if (e instanceof YAMLException) {
      const line = (e.mark?.line ?? 0) + 1;
      throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${goYamlReason(e.reason)}`);
    }
    throw e;
  }
  const out: Manifest[] = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      throw new KubectlError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
    }
    const obj = doc as Record<string, unknown>;
    if (obj.kind === 'List' && Array.isArray(obj.items)) {
      for (const item of obj.items) out.push(...checkObject(item as Record<string, unknown>, source));
    } else {
      out.push(...checkObject(obj, source));
    }
  }
  return out;
}

function checkObject(obj: Record<string, unknown>, source: string): Manifest[] {
  const missing: string[] = [];
  if (!obj.apiVersion) missing.push('apiVersion not set');
  if (!obj.kind) missing.push('kind not set');
  if (missing.length) {
    const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    throw new KubectlError(`error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  obj.metadata ??= {};
  return [{ object: obj as unknown as KubeObject, source }];
}

/** js-yaml's reasons in go-yaml's words where they differ, for the errors learners meet most. */
function goYamlReason(reason: string): string {
  if (/bad indentation of a mapping entry/.test(reason)) return 'mapping values are not allowed in this context';
  if (/bad indentation of a sequence entry/.test(reason)) return 'did not find expected key';
  if (/end of the stream or a document separator is expected/.test(reason)) return 'did not find expected <document start>';
  if (/duplicated mapping key/.test(reason)) return 'mapping key already defined';
  if (/unexpected end of the stream within a (double|single) quoted scalar/.test(reason)) return 'found unexpected end of stream';
  if (/tab characters must not be used in indentation/.test(reason)) return 'found character that cannot start any token';
  return reason;
}

/** Reads and parses every manifest that `-f` names. */
export function readManifests(filenames: string[], files: FileSource, stdin: string): Manifest[] {
  const out: Manifest[] = [];
  for (const f of expandFilenames(filenames, files)) {
    const text = f === '-' ? stdin : files.read(f)!;
    out.push(...parseManifests(text, f === '-' ? 'STDIN' : f));
  }
  return out;
}
