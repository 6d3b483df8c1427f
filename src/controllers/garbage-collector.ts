// The garbage collector: deletes objects whose owners are gone (background cascade), deletes dependents first
// when an owner is deleted in the foreground, and strips owner references for orphaning deletes.
import type { KubeObject, OwnerReference } from '../api/meta';
import { resourceOfKind } from '../api/resources';
import type { Controller, ControllerContext } from '../sim/controller';
import type { StoreChange } from '../store/object-store';

export const GARBAGE_COLLECTOR = 'garbage-collector';

type Ref = string; // kind \0 namespace \0 name

function refKey(o: KubeObject): Ref {
  return `${o.kind}\u0000${o.metadata.namespace ?? ''}\u0000${o.metadata.name}`;
}

function parseRef(r: Ref): [string, string | undefined, string] {
  const [kind, ns, name] = r.split('\u0000');
  return [kind, ns || undefined, name];
}


function ownerOf(ctx: ControllerContext, dependent: KubeObject, ref: OwnerReference): KubeObject | undefined {
  const t = resourceOfKind(ref.kind, ctx.config.minor);
  const ns = t?.namespaced ? dependent.metadata.namespace : undefined;
  const owner = ctx.api.store.get(ref.kind, ns, ref.name);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

export function createGarbageCollector(): Controller {
  /** ownerUid → dependents; derived from the store (rebuilt after a restore), never saved. */
  const index = new Map<string, Set<Ref>>();
  return {
    name: GARBAGE_COLLECTOR,
    watches: '*',

    keysFor(change: StoreChange) {
      const o = change.object;
      const key = refKey(o);
      for (const r of change.previous?.metadata.ownerReferences ?? []) index.get(r.uid)?.delete(key);
      const keys: string[] = [];
      if (change.type !== 'DELETED') {
        for (const r of o.metadata.ownerReferences ?? []) {
          let set = index.get(r.uid);
          if (!set) index.set(r.uid, (set = new Set()));
          set.add(key);
        }
        if (o.metadata.ownerReferences?.length && change.type === 'ADDED') keys.push(`dep\u0000${key}`);
        const fin = o.metadata.finalizers ?? [];
        if (o.metadata.deletionTimestamp && (fin.includes('foregroundDeletion') || fin.includes('orphan'))) keys.push(`own\u0000${key}\u0000${o.metadata.uid}`);
      } else {
        // Sorted, not insertion order: a restored simulation rebuilds the index in another order and must act alike.
        for (const d of [...(index.get(o.metadata.uid!) ?? [])].sort()) keys.push(`dep\u0000${d}`);
        index.delete(o.metadata.uid!);
      }
      // A dependent that goes may let a foreground owner finish.
      if (change.type === 'DELETED' || o.metadata.deletionTimestamp) {
        for (const r of (change.previous ?? o).metadata.ownerReferences ?? []) {
          keys.push(`own-uid\u0000${r.uid}\u0000${r.kind}\u0000${o.metadata.namespace ?? ''}\u0000${r.name}`);
        }
      }
      return keys;
    },

    reconcile(key, ctx) {
      const [type, ...rest] = key.split('\u0000');
      if (type === 'dep') return reconcileDependent(ctx, rest.join('\u0000'));
      if (type === 'own') return reconcileOwner(ctx, rest.slice(0, 3).join('\u0000'), index);
      if (type === 'own-uid') {
        const [, kind, ns, name] = rest;
        const t = resourceOfKind(kind, ctx.config.minor);
        const owner = ctx.api.store.get(kind, t?.namespaced ? ns || undefined : undefined, name);
        if (owner?.metadata.deletionTimestamp) reconcileOwner(ctx, refKey(owner), index);
      }
    },
  };
}

function reconcileDependent(ctx: ControllerContext, ref: Ref): void {
  const [kind, ns, name] = parseRef(ref);
  const dep = ctx.api.store.get(kind, ns, name);
  if (!dep || !dep.metadata.ownerReferences?.length) return;
  const refs = dep.metadata.ownerReferences;
  const alive = refs.filter((r) => ownerOf(ctx, dep, r));
  if (alive.length === 0) {
    if (!dep.metadata.deletionTimestamp) ctx.api.delete(kind, ns, name, { propagationPolicy: 'Background' });
    return;
  }
  for (const r of alive) {
    const owner = ownerOf(ctx, dep, r)!;
    if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes('foregroundDeletion') && !dep.metadata.deletionTimestamp) {
      ctx.api.delete(kind, ns, name, { propagationPolicy: 'Foreground' });
      return;
    }
  }
  if (alive.length < refs.length) ctx.api.update({ ...dep, metadata: { ...dep.metadata, resourceVersion: undefined, ownerReferences: alive } });
}

function reconcileOwner(ctx: ControllerContext, ref: Ref, index: Map<string, Set<Ref>>): void {
  const [kind, ns, name] = parseRef(ref);
  const owner = ctx.api.store.get(kind, ns, name);
  if (!owner?.metadata.deletionTimestamp) return;
  const fin = owner.metadata.finalizers ?? [];
  const deps = [...(index.get(owner.metadata.uid!) ?? [])].sort().map(parseRef).map(([k, n, nm]) => ctx.api.store.get(k, n, nm)).filter((d): d is KubeObject => !!d);
  if (fin.includes('orphan')) {
    for (const d of deps) {
      const refs = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      ctx.api.update({ ...d, metadata: { ...d.metadata, resourceVersion: undefined, ownerReferences: refs.length ? refs : undefined } });
    }
    removeFinalizer(ctx, owner, 'orphan');
    return;
  }
  if (fin.includes('foregroundDeletion')) {
    const blocking = deps.filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
    for (const d of blocking) if (!d.metadata.deletionTimestamp) ctx.api.delete(d.kind, d.metadata.namespace, d.metadata.name!, { propagationPolicy: 'Foreground' });
    const remaining = blocking.filter((d) => ctx.api.store.get(d.kind, d.metadata.namespace, d.metadata.name!));
    if (remaining.length === 0) {
      const fresh = ctx.api.store.get(kind, ns, name);
      if (fresh) removeFinalizer(ctx, fresh, 'foregroundDeletion');
    }
  }
}

function removeFinalizer(ctx: ControllerContext, obj: KubeObject, finalizer: string): void {
  const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const meta = { ...obj.metadata, resourceVersion: undefined, finalizers: finalizers.length ? finalizers : undefined };
  if (!meta.finalizers) delete meta.finalizers;
  ctx.api.update({ ...obj, metadata: meta });
}
