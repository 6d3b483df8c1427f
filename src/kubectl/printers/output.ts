// The -o formats besides tables: yaml, json, name, jsonpath, jsonpath-as-json, custom-columns — and
// printObjects, which create / apply / run use for their -o output.
import type { KubeObject } from '../../api/meta';
import type { FileSource } from '../context';
import { KubectlError } from '../errors';
import { toJson } from './json';
import { toYaml } from './yaml';
import { JsonPath, JsonPathError } from './jsonpath';
import { customColumnLines, parseCustomColumns, parseCustomColumnsFile } from './custom-columns';
import { formatTabs } from './tabwriter';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; spec: string; file: boolean };

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Parses `-o` as kubectl's PrintFlags do; throws kubectl's errors for unknown or unsupported formats. */
export function parseOutputFormat(output: string | undefined, files?: FileSource): OutputFormat {
  const o = output ?? '';
  if (o === '') return { kind: 'table', wide: false };
  if (o === 'wide') return { kind: 'table', wide: true };
  if (o === 'yaml') return { kind: 'yaml' };
  if (o === 'json') return { kind: 'json' };
  if (o === 'name') return { kind: 'name' };
  const eq = o.indexOf('=');
  const name = eq < 0 ? o : o.slice(0, eq);
  const arg = eq < 0 ? '' : o.slice(eq + 1);
  switch (name) {
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!arg) throw new KubectlError('template format specified but no template given');
      return { kind: 'jsonpath', template: arg, asJson: name === 'jsonpath-as-json' };
    case 'jsonpath-file': {
      if (!arg) throw new KubectlError('template format specified but no template given');
      const text = files?.read(arg);
      if (text === undefined) throw new KubectlError(`error reading --template ${arg}, open ${arg}: no such file or directory`);
      return { kind: 'jsonpath', template: text, asJson: false };
    }
    case 'custom-columns':
      if (!arg) throw new KubectlError('custom-columns format specified but no custom columns given');
      return { kind: 'custom-columns', spec: arg, file: false };
    case 'custom-columns-file': {
      const text = files?.read(arg);
      if (text === undefined) throw new KubectlError(`error reading template ${arg}, open ${arg}: no such file or directory`);
      return { kind: 'custom-columns', spec: text, file: true };
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      if (!arg) throw new KubectlError('template format specified but no template given');
      throw new KubectlError('go-template output is not supported by this simulator; use -o jsonpath=… instead');
  }
  throw new KubectlError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${GET_FORMATS}`);
}

/** `pod/web`, `deployment.apps/web`: the resource/name form of -o name. */
export function resourceName(obj: KubeObject): string {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  const kind = obj.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${obj.metadata.name ?? ''}`;
}

/** The List kubectl wraps several objects in. */
export function listOf(objects: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export interface PrintObjectsOptions {
  /** True when one object was asked for (`get pod web`, `create -f pod.yaml`): print it bare, not in a List. */
  singleItemImplied?: boolean;
  noHeaders?: boolean;
  /** For -o name: `pod/web created`. */
  operation?: string;
  files?: FileSource;
}

/**
 * Prints objects in a non-table -o format: yaml/json/jsonpath/custom-columns of one object or a List, or
 * `kind/name` lines. `output` is what followed -o.
 */
export function printObjects(objects: KubeObject[], output: string, options: PrintObjectsOptions = {}): string {
  return printFormatted(objects, parseOutputFormat(output, options.files), options);
}

export function printFormatted(objects: KubeObject[], format: OutputFormat, options: PrintObjectsOptions = {}): string {
  const single = options.singleItemImplied === true && objects.length === 1;
  const data: unknown = single ? objects[0] : listOf(objects);
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data);
    case 'name':
      return objects.map((o) => resourceName(o) + (options.operation ? ` ${options.operation}` : '') + '\n').join('');
    case 'jsonpath': {
      let parser: JsonPath;
      try {
        parser = new JsonPath(format.template);
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${format.template}, ${e.message}`);
        throw e;
      }
      try {
        return format.asJson ? parser.executeAsJson(data, toJson) : parser.execute(data);
      } catch (e) {
        if (e instanceof JsonPathError) {
          throw new KubectlError(`error executing jsonpath ${JSON.stringify(format.template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${format.template}\n\tobject given to jsonpath engine was:\n\t\t${JSON.stringify(data)}\n\n`);
        }
        throw e;
      }
    }
    case 'custom-columns': {
      let columns;
      try {
        columns = format.file ? parseCustomColumnsFile(format.spec) : parseCustomColumns(format.spec);
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(e.message);
        throw e;
      }
      return formatTabs(customColumnLines(columns, single ? [objects[0]] : objects, options.noHeaders ?? false));
    }
    case 'table':
      throw new KubectlError('table output needs the table printer');
  }
}
