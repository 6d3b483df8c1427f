// Namespaces: a new one gets its `default` ServiceAccount and `kube-root-ca.crt` ConfigMap (the service account
// and root-CA publisher controllers); a deleted one is emptied, then let go (the namespace controller).
import type { Namespace } from '../api/namespace';
import { RESOURCE_TYPES } from '../api/resources';
import type { Controller, ControllerContext } from '../sim/controller';

export const NAMESPACE_CONTROLLER = 'namespace-controller';

const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

function ensureDefaults(ctx: ControllerContext, ns: string): void {
  if (!ctx.api.tryGet('ServiceAccount', ns, 'default')) ctx.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
  if (!ctx.api.tryGet('ConfigMap', ns, 'kube-root-ca.crt')) {
    ctx.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n(simulated)\n-----END CERTIFICATE-----\n' },
    });
  }
}

function finalize(ctx: ControllerContext, ns: Namespace): void {
  const name = ns.metadata.name!;
  const kinds = [...new Set(RESOURCE_TYPES.filter((t) => t.namespaced).map((t) => t.kind))];
  let remaining = 0;
  for (const kind of kinds) {
    for (const obj of ctx.api.store.list(kind, name)) {
      remaining++;
      if (!obj.metadata.deletionTimestamp) ctx.api.delete(kind, name, obj.metadata.name!, { propagationPolicy: 'Background' });
    }
  }
  if (remaining === 0 || kinds.every((k) => ctx.api.store.list(k, name).length === 0)) {
    ctx.api.store.remove('Namespace', undefined, name);
  }
}

/** A namespace controller for one simulation. */
export function createNamespaceController(): Controller {
  /** Namespaces being deleted: derived from the store (rebuilt after a restore), never saved. */
  const terminating = new Set<string>();
  return {
    name: NAMESPACE_CONTROLLER,
    watches: '*',
    keysFor(change) {
      const o = change.object;
      if (o.kind === 'Namespace') {
        if (change.type === 'DELETED') terminating.delete(o.metadata.name!);
        else if (o.metadata.deletionTimestamp) terminating.add(o.metadata.name!);
        return change.type === 'DELETED' ? [] : [o.metadata.name!];
      }
      // Something left a terminating namespace: maybe it is empty now.
      if (change.type === 'DELETED' && o.metadata.namespace && terminating.has(o.metadata.namespace)) return [o.metadata.namespace];
      return [];
    },
    reconcile: reconcileNamespace,
  };
}

function reconcileNamespace(key: string, ctx: ControllerContext): void {
  const ns = ctx.api.tryGet<Namespace>('Namespace', undefined, key);
  if (!ns) return;
  if (ns.metadata.deletionTimestamp) finalize(ctx, ns);
  else ensureDefaults(ctx, key);
}

