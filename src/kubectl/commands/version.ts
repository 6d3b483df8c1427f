// kubectl version: client, Kustomize and server versions, and the version-skew warning.
import { serverVersion } from '../../sim/cluster-config';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, stringFlag } from '../flags';
import { toYaml } from '../printers/yaml';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';

export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};
export const KUSTOMIZE_VERSION = 'v5.5.0';

/** The /version document of the simulated API server. */
export function serverVersionInfo(minor: number) {
  const git = serverVersion(minor);
  return {
    major: '1',
    minor: String(minor),
    gitVersion: git,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function runVersion(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const output = inv.flags.string('output', '');
    if (output && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
    const clientOnly = inv.flags.bool('client');
    const minor = ctx.sim.config.minor;
    const server = clientOnly ? undefined : serverVersionInfo(minor);
    const doc: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = server;
    if (output === 'json') out.out(JSON.stringify(doc, null, 2));
    else if (output === 'yaml') out.out(toYaml(doc) + '\n');
    else {
      out.out(`Client Version: ${CLIENT_VERSION.gitVersion}`);
      out.out(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
      if (server) out.out(`Server Version: ${server.gitVersion}`);
    }
    if (server && Math.abs(minor - Number(CLIENT_VERSION.minor)) > 1) {
      out.err(`WARNING: version difference between client (1.${CLIENT_VERSION.minor}) and server (1.${minor}) exceeds the supported minor version skew of +/-1`);
    }
  });
}

export const versionCommand: CommandDef = {
  name: 'version',
  short: 'Print the client and server version information',
  group: 'Other Commands',
  flags: [boolFlag('client'), stringFlag('output', 'o')],
  run: runVersion,
};
