// kubectl explain RESOURCE[.FIELD…] [--recursive] [--api-version=G/V]: the documentation of a kind or field, printed
// from the same OpenAPI v3 document kubeville serve gives the real kubectl (src/explain/openapi-document.ts).
import { resolveResource, type ResourceType } from '../../api/resources';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, stringFlag } from '../flags';
import { ExplainError, explainText } from '../../explain/explain-printer';
import { gvPath, openApiV3Document } from '../../explain/openapi-document';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';

/** The resource and the field path of `pods.spec.containers` or `deployments.apps.spec` (the longest prefix that names a type). */
function splitRequest(input: string, minor: number): { type: ResourceType; fields: string[] } | undefined {
  const parts = input.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const type = resolveResource(parts.slice(0, i).join('.'), minor);
    if (type) return { type, fields: parts.slice(i) };
  }
  return undefined;
}

function runExplain(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    if (inv.args.length === 0) {
      throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    }
    if (inv.args.length > 1) throw new KubectlError(`We accept only this format: explain RESOURCE\n`);
    const minor = ctx.sim.config.minor;
    const request = splitRequest(inv.args[0]!, minor);
    if (!request) {
      // kubectl prints the mapper's error as is, without `error: `.
      out.err(`the server doesn't have a resource type "${inv.args[0]!.split('.')[0]}"`);
      out.exitCode = 1;
      return;
    }
    const { type, fields } = request;
    const apiVersion = inv.flags.string('api-version', '');
    let group = type.group;
    let version = type.version;
    if (apiVersion) [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
    const doc = openApiV3Document(minor, gvPath(group, version));
    if (!doc) throw new KubectlError(`couldn't find resource for "${group ? `${group}/` : ''}${version}, Resource=${type.name}"`);
    try {
      out.out(explainText(doc, { group, version, kind: type.kind }, fields, inv.flags.bool('recursive')));
    } catch (e) {
      if (!(e instanceof ExplainError)) throw e;
      if (e.printed) out.out(e.printed);
      throw new KubectlError(e.message);
    }
  });
}

export const explainCommand: CommandDef = {
  name: 'explain',
  short: 'Get documentation for a resource',
  group: 'Basic Commands (Intermediate)',
  flags: [boolFlag('recursive'), stringFlag('api-version'), stringFlag('output', 'o')],
  run: runExplain,
};
