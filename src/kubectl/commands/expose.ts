// `kubectl expose (pod|deployment|replicaset|service) NAME --port=P [--target-port] [--type] [--name]`: a Service
// selecting what the object selects (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go, generator serviceGeneratorV2).
import type { Pod } from '../../api/pod';
import type { Service, ServicePort } from '../../api/service';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { checkOutputFormat, operationLine, parseDryRun, printObjects } from './object-output';
import { targetObjects } from './target-object';
import type { LabelSelector } from '../../api/meta';
import { fieldManager, recordedBy } from './field-manager';

function selectorOf(kind: string, obj: { metadata: { labels?: Record<string, string> }; spec?: unknown }): Record<string, string> {
  if (kind === 'Pod') return { ...(obj.metadata.labels ?? {}) };
  if (kind === 'Service') return { ...((obj.spec as Service['spec']).selector ?? {}) };
  const sel = (obj.spec as { selector?: LabelSelector }).selector;
  if (sel?.matchExpressions?.length) throw new KubectlError("couldn't convert expressions - \"" + JSON.stringify(sel.matchExpressions) + '" to map-based selector format');
  return { ...(sel?.matchLabels ?? {}) };
}

function portsOf(kind: string, obj: { spec?: unknown }): { port: number; name?: string; protocol?: string }[] {
  if (kind === 'Service') return ((obj.spec as Service['spec']).ports ?? []).map((p) => ({ port: p.port, name: p.name, protocol: p.protocol }));
  const podSpec = kind === 'Pod' ? (obj.spec as Pod['spec']) : (obj.spec as { template: { spec: Pod['spec'] } }).template.spec;
  return podSpec.containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, name: p.name, protocol: p.protocol })));
}

function run(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    if (!inv.args.length) throw new UsageError(inv.path, 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
    checkOutputFormat(inv.flags.string('output'));
    const { dryRun } = parseDryRun(inv.flags.string('dry-run'));
    for (const t of targetObjects(inv.args, inv.namespace, ctx)) {
      const kind = t.object.kind;
      if (!['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController'].includes(kind)) throw new KubectlError(`cannot expose a ${kind}`);
      const selector = inv.flags.string('selector') ? Object.fromEntries(inv.flags.string('selector')!.split(',').map((kv) => kv.split('=') as [string, string])) : selectorOf(kind, t.object as never);
      if (!Object.keys(selector).length) throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: the ${kind.toLowerCase()} has no labels`);
      const portFlag = inv.flags.string('port');
      let ports: { port: number; name?: string; protocol?: string }[];
      if (portFlag) ports = portFlag.split(',').map((p) => ({ port: Number(p) }));
      else {
        ports = portsOf(kind, t.object as never);
        if (!ports.length) throw new KubectlError("couldn't find port via --port flag or introspection");
      }
      const type = inv.flags.string('type');
      if (type && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type)) throw new KubectlError(`invalid service type: ${type}`);
      const target = inv.flags.string('target-port');
      const protocol = inv.flags.string('protocol') || 'TCP';
      const svcPorts: ServicePort[] = ports.map((p, i) => {
        const sp: ServicePort = { port: p.port, protocol: (p.protocol ?? protocol) as ServicePort['protocol'] };
        if (ports.length > 1) sp.name = p.name ?? `port-${i + 1}`;
        sp.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : kind === 'Service' ? p.port : p.port;
        return { ...(sp.name ? { name: sp.name } : {}), port: sp.port, protocol: sp.protocol, targetPort: sp.targetPort };
      });
      const name = inv.flags.string('name') || t.object.metadata.name!;
      const labels = inv.flags.string('labels') ? Object.fromEntries(inv.flags.string('labels')!.split(',').map((kv) => kv.split('=') as [string, string])) : { ...(t.object.metadata.labels ?? {}) };
      const spec: Record<string, unknown> = { ports: svcPorts, selector };
      const clusterIP = inv.flags.string('cluster-ip');
      if (clusterIP) spec.clusterIP = clusterIP;
      if (type) spec.type = type;
      const affinity = inv.flags.string('session-affinity');
      if (affinity) {
        if (affinity !== 'None' && affinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${affinity}`);
        spec.sessionAffinity = affinity;
      }
      const externalIp = inv.flags.string('external-ip');
      if (externalIp) spec.externalIPs = [externalIp];
      const metadata: Record<string, unknown> = { creationTimestamp: null, name };
      if (Object.keys(labels).length) metadata.labels = labels;
      if (inv.namespaceSet) metadata.namespace = inv.namespace;
      const svc = { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } } as unknown as Service;
      const created = dryRun === 'client' ? svc : ctx.sim.api.create(recordedBy(ctx, undefined, { ...svc, metadata: { ...svc.metadata, namespace: inv.namespace } }, fieldManager(inv, 'kubectl-expose')), { dryRun: dryRun === 'server' });
      const output = inv.flags.string('output');
      if (output) out.stdout += printObjects([created], output, ctx.sim.config.minor, dryRun === 'client');
      else out.out(operationLine(created, 'exposed', dryRun, ctx.sim.config.minor));
    }
  });
}

export const exposeCommand: CommandDef = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  group: 'Basic Commands (Beginner)',
  flags: [
    boolFlag('allow-missing-template-keys'),
    stringFlag('cluster-ip'),
    stringFlag('dry-run', undefined, 'unchanged'),
    stringFlag('external-ip'),
    stringFlag('field-manager'),
    stringFlag('labels', 'l'),
    stringFlag('load-balancer-ip'),
    stringFlag('name'),
    stringFlag('output', 'o'),
    stringFlag('override-type'),
    stringFlag('overrides'),
    stringFlag('port'),
    stringFlag('protocol'),
    boolFlag('save-config'),
    stringFlag('selector'),
    stringFlag('session-affinity'),
    boolFlag('show-managed-fields'),
    stringFlag('target-port'),
    stringFlag('template'),
    stringFlag('type'),
  ],
  run,
};
