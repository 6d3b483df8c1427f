// The kubeconfig `kubeville serve` writes: cluster, context and user all named `kubeville`, a bearer token.
import { randomBytes } from 'node:crypto';

/** A random bearer token (32 bytes, hex), new for every serve. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

export function kubeconfigYaml(server: string, token: string, caPem: string, namespace = 'default'): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: kubeville
  cluster:
    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}
    server: ${server}
contexts:
- name: kubeville
  context:
    cluster: kubeville
    namespace: ${namespace}
    user: kubeville
current-context: kubeville
preferences: {}
users:
- name: kubeville
  user:
    token: ${token}
`;
}

/** The line a user pastes into their shell (single-quoted for paths with spaces). */
export function exportLine(path: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(path) ? `export KUBECONFIG=${path}` : `export KUBECONFIG='${path.replace(/'/g, `'\\''`)}'`;
}
