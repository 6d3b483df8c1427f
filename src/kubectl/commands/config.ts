// kubectl config view / current-context / get-contexts for the one kind-kind context a kind cluster writes.
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, stringFlag } from '../flags';
import { toJson } from '../printers/json';
import { toYaml } from '../printers/yaml';
import { formatTabs } from '../printers/tabwriter';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { API_SERVER_URL } from './cluster-info';

export const CONTEXT_NAME = 'kind-kind';

/** `kubectl config view`: certificates are shown as kubectl redacts them without --raw. */
function kubeconfig(raw: boolean, namespace: string): Record<string, unknown> {
  const secret = raw ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==' : 'DATA+OMITTED';
  const context: Record<string, string> = { cluster: CONTEXT_NAME, user: CONTEXT_NAME };
  if (namespace !== 'default') context.namespace = namespace;
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': secret, server: API_SERVER_URL }, name: CONTEXT_NAME }],
    contexts: [{ context, name: CONTEXT_NAME }],
    'current-context': CONTEXT_NAME,
    kind: 'Config',
    preferences: {},
    users: [{ name: CONTEXT_NAME, user: { 'client-certificate-data': raw ? secret : 'DATA+OMITTED', 'client-key-data': raw ? secret : 'DATA+OMITTED' } }],
  };
}

function runView(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const output = inv.flags.string('output', 'yaml');
    const doc = kubeconfig(inv.flags.bool('raw'), ctx.defaultNamespace);
    if (output === 'json') out.stdout += toJson(doc);
    else if (output === 'yaml') out.stdout += toYaml(doc);
    else throw new KubectlError(`output format "${output}" is not supported by Kubeville yet`);
  });
}

function runCurrentContext(inv: Invocation): KubectlResult {
  return withOutput((out) => {
    if (inv.args.length) throw new UsageError(inv.path, `Unexpected args: [${inv.args.join(' ')}]`);
    out.out(CONTEXT_NAME);
  });
}

function runGetContexts(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const output = inv.flags.string('output', '');
    for (const name of inv.args) if (name !== CONTEXT_NAME) throw new KubectlError(`context ${name} not found`);
    if (output === 'name') {
      out.out(CONTEXT_NAME);
      return;
    }
    if (output) throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    let text = '';
    if (!inv.flags.bool('no-headers')) text += 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';
    const ns = ctx.defaultNamespace === 'default' ? '' : ctx.defaultNamespace;
    text += `*\t${CONTEXT_NAME}\t${CONTEXT_NAME}\t${CONTEXT_NAME}\t${ns}\n`;
    out.stdout += formatTabs(text);
  });
}

function runConfig(inv: Invocation): KubectlResult {
  return withOutput((out) => {
    if (inv.args.length) throw new UsageError(inv.path, `unknown command "${inv.args[0]}"`);
    out.err(CONFIG_HELP);
    out.exitCode = 1;
  });
}

const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export const configCommand: CommandDef = {
  name: 'config',
  short: 'Modify kubeconfig files',
  group: 'Other Commands',
  run: runConfig,
  subcommands: [
    { name: 'current-context', short: 'Display the current-context', run: runCurrentContext },
    { name: 'delete-cluster', short: 'Delete the specified cluster from the kubeconfig' },
    { name: 'delete-context', short: 'Delete the specified context from the kubeconfig' },
    { name: 'delete-user', short: 'Delete the specified user from the kubeconfig' },
    { name: 'get-clusters', short: 'Display clusters defined in the kubeconfig' },
    { name: 'get-contexts', short: 'Describe one or many contexts', flags: [boolFlag('no-headers'), stringFlag('output', 'o')], run: runGetContexts },
    { name: 'get-users', short: 'Display users defined in the kubeconfig' },
    { name: 'rename-context', short: 'Rename a context from the kubeconfig file' },
    { name: 'set', short: 'Set an individual value in a kubeconfig file' },
    { name: 'set-cluster', short: 'Set a cluster entry in kubeconfig' },
    { name: 'set-context', short: 'Set a context entry in kubeconfig' },
    { name: 'set-credentials', short: 'Set a user entry in kubeconfig' },
    { name: 'unset', short: 'Unset an individual value in a kubeconfig file' },
    { name: 'use-context', aliases: ['use'], short: 'Set the current-context in a kubeconfig file' },
    {
      name: 'view',
      short: 'Display merged kubeconfig settings or a specified kubeconfig file',
      flags: [boolFlag('allow-missing-template-keys'), boolFlag('flatten'), boolFlag('merge'), boolFlag('minify'), stringFlag('output', 'o'), boolFlag('raw'), boolFlag('show-managed-fields'), stringFlag('template')],
      run: runView,
    },
  ],
};
