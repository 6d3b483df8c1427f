// The objects related to one object, for the side panel: owners, owned objects, node ↔ pods, service ↔ pods,
// and the events that name it. Pure.
import type { KubeObject } from '../../../src/api/meta';
import type { Event } from '../../../src/api/event';
import type { Pod } from '../../../src/api/pod';
import type { StringKey } from '../i18n/strings';
import type { ClusterModel } from './cluster-model';
import { keyOf, objectKey, type ObjectKey } from './object-key';

export interface Relation {
  relation: StringKey;
  key: ObjectKey;
  kind: string;
  name: string;
  namespace?: string;
}

function rel(relation: StringKey, o: { kind: string; namespace?: string; name: string }): Relation {
  return { relation, key: keyOf(o.kind, o.namespace, o.name), kind: o.kind, name: o.name, namespace: o.namespace };
}

export function relatedObjects(target: KubeObject, objects: KubeObject[], model: ClusterModel): Relation[] {
  const out: Relation[] = [];
  const ns = target.metadata.namespace;
  const uid = target.metadata.uid;
  const targetKey = objectKey(target);

  for (const owner of target.metadata.ownerReferences ?? []) out.push(rel('rel.owner', { kind: owner.kind, namespace: owner.kind === 'Node' ? undefined : ns, name: owner.name }));
  if (uid) {
    for (const o of objects) {
      if (o.kind === 'Event') continue;
      if (o.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push(rel('rel.owns', { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' }));
    }
  }

  if (target.kind === 'Pod') {
    const nodeName = (target as Pod).spec?.nodeName;
    if (nodeName) out.push(rel('rel.node', { kind: 'Node', name: nodeName }));
    for (const s of model.services) if (s.endpointPods.includes(targetKey)) out.push(rel('rel.service', { kind: 'Service', namespace: s.namespace, name: s.name }));
  } else if (target.kind === 'Node') {
    for (const o of objects) {
      if (o.kind === 'Pod' && (o as Pod).spec?.nodeName === target.metadata.name && !o.metadata.ownerReferences?.some((r) => r.uid === uid)) {
        out.push(rel('rel.podsOnNode', { kind: 'Pod', namespace: o.metadata.namespace, name: o.metadata.name ?? '' }));
      }
    }
  } else if (target.kind === 'Service') {
    const view = model.services.find((s) => s.key === targetKey);
    for (const podKey of view?.endpointPods ?? []) {
      const [, podNs, ...name] = podKey.split('/');
      out.push(rel('rel.endpoint', { kind: 'Pod', namespace: podNs || undefined, name: name.join('/') }));
    }
    for (const o of objects) {
      if ((o.kind === 'Endpoints' && o.metadata.name === target.metadata.name) || (o.kind === 'EndpointSlice' && o.metadata.labels?.['kubernetes.io/service-name'] === target.metadata.name)) {
        if (o.metadata.namespace === ns) out.push(rel('rel.endpointsObject', { kind: o.kind, namespace: ns, name: o.metadata.name ?? '' }));
      }
    }
  }

  const seen = new Set<string>();
  return out.filter((r) => {
    const id = `${r.relation}|${r.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Events about an object (by uid when the event has one, else by kind, namespace and name), newest last. */
export function eventsFor(target: KubeObject, objects: KubeObject[]): Event[] {
  const uid = target.metadata.uid;
  return objects
    .filter((o): o is Event => o.kind === 'Event')
    .filter((e) => {
      const io = e.involvedObject;
      if (!io) return false;
      if (io.uid && uid) return io.uid === uid;
      return io.kind === target.kind && io.name === target.metadata.name && (io.namespace ?? undefined) === (target.metadata.namespace ?? undefined);
    })
    .sort((a, b) => {
      const ta = a.lastTimestamp ?? a.eventTime ?? a.metadata.creationTimestamp ?? '';
      const tb = b.lastTimestamp ?? b.eventTime ?? b.metadata.creationTimestamp ?? '';
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    });
}
