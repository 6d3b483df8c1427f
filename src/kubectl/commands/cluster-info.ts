// kubectl cluster-info and kubectl config: what a kind cluster's kubeconfig says and where its endpoints are.
import type { KubectlContext, KubectlResult } from '../context';
import type { CommandDef, Invocation } from './command';
import { withOutput } from './command';

/** The host port kind publishes the API server on (random in real life, fixed here for determinism). */
export const API_SERVER_URL = 'https://127.0.0.1:39031';

const GREEN = '\u001b[0;32m';
const YELLOW = '\u001b[0;33m';
const RESET = '\u001b[0m';

function runClusterInfo(_inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    out.out(`${GREEN}Kubernetes control plane${RESET} is running at ${YELLOW}${API_SERVER_URL}${RESET}`);
    const services = ctx.sim.api.list('Service', 'kube-system').filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
    for (const s of services) {
      const name = s.metadata.labels?.['kubernetes.io/name'] ?? s.metadata.name;
      const port = (s.spec as { ports?: { name?: string; port: number }[] }).ports?.[0];
      const portPart = port ? `:${port.name ?? port.port}` : '';
      out.out(`${GREEN}${name}${RESET} is running at ${YELLOW}${API_SERVER_URL}/api/v1/namespaces/kube-system/services/${s.metadata.name}${portPart}/proxy${RESET}`);
    }
    out.out('');
    out.out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
  });
}

export const clusterInfoCommand: CommandDef = {
  name: 'cluster-info',
  short: 'Display cluster information',
  group: 'Cluster Management Commands',
  subcommands: [{ name: 'dump', short: 'Dump relevant information for debugging and diagnosis' }],
  run: runClusterInfo,
};
