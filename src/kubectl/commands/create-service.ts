// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME`: the Services kubectl 1.32 generates
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go): labels and selector `app: NAME`, ports named
// `80-8080` from `--tcp=80:8080`, `status.loadBalancer: {}`.
import type { Service, ServicePort } from '../../api/service';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, intFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { checkOutputFormat, parseDryRun } from './object-output';
import { dryRunWarning } from './dry-run-warning';
import { createAndPrint } from './create';

type Kind = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

function parsePorts(specs: string[], nodePort: number): ServicePort[] {
  return specs.map((spec) => {
    const [portText, targetText] = spec.split(':');
    const port = Number(portText);
    if (!/^\d+$/.test(portText)) throw new KubectlError(`strconv.Atoi: parsing "${portText}": invalid syntax`);
    const p: ServicePort = { name: spec.replace(':', '-'), port, protocol: 'TCP', targetPort: targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText };
    if (nodePort > 0) return { name: p.name, nodePort, port: p.port, protocol: p.protocol, targetPort: p.targetPort };
    return p;
  });
}

export function generateService(kind: Kind, name: string, o: { tcp: string[]; clusterIP?: string; nodePort?: number; externalName?: string; namespace?: string }): Service {
  const labels = { app: name };
  const metadata: Record<string, unknown> = { creationTimestamp: null, labels, name };
  if (o.namespace) metadata.namespace = o.namespace;
  const spec: Record<string, unknown> = {};
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (kind === 'ExternalName') spec.externalName = o.externalName;
  const ports = parsePorts(o.tcp, o.nodePort ?? 0);
  if (ports.length) spec.ports = ports;
  spec.selector = labels;
  spec.type = kind;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } } as unknown as Service;
}

function runFor(kind: Kind) {
  return (inv: Invocation, ctx: KubectlContext): KubectlResult =>
    withOutput((out) => {
      if (inv.args.length !== 1) throw new UsageError(inv.path, `exactly one NAME is required, got ${inv.args.length}`);
      const tcp = inv.flags.list('tcp');
      const clusterIP = inv.flags.string('clusterip');
      const externalName = inv.flags.string('external-name');
      if (kind === 'ExternalName' && !externalName) throw new KubectlError('required flag(s) "external-name" not set');
      if (kind !== 'ExternalName' && !tcp.length && !(kind === 'ClusterIP' && clusterIP === 'None')) throw new KubectlError('at least one tcp port specifier must be provided');
      if (kind === 'ClusterIP' && clusterIP === 'None' && tcp.length) {
        // kubectl allows ports on a headless Service.
      }
      checkOutputFormat(inv.flags.string('output'));
      if (parseDryRun(inv.flags.string('dry-run')).deprecated) out.err(dryRunWarning(ctx));
      const svc = generateService(kind, inv.args[0], { tcp, clusterIP, nodePort: kind === 'NodePort' ? inv.flags.int('node-port', 0) : 0, externalName, namespace: inv.namespaceSet ? inv.namespace : undefined });
      createAndPrint(svc, inv, ctx, out);
    });
}

const COMMON = [
  boolFlag('allow-missing-template-keys'),
  stringFlag('dry-run', undefined, 'unchanged'),
  stringFlag('field-manager'),
  stringFlag('output', 'o'),
  boolFlag('save-config'),
  boolFlag('show-managed-fields'),
  stringFlag('template'),
  stringFlag('validate', undefined, 'strict'),
];

export const createServiceCommand: CommandDef = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  subcommands: [
    { name: 'clusterip', short: 'Create a ClusterIP service', flags: [...COMMON, stringFlag('clusterip'), sliceFlag('tcp')], run: runFor('ClusterIP') },
    { name: 'externalname', short: 'Create an ExternalName service', flags: [...COMMON, stringFlag('external-name'), sliceFlag('tcp')], run: runFor('ExternalName') },
    { name: 'loadbalancer', short: 'Create a LoadBalancer service', flags: [...COMMON, sliceFlag('tcp')], run: runFor('LoadBalancer') },
    { name: 'nodeport', short: 'Create a NodePort service', flags: [...COMMON, intFlag('node-port'), sliceFlag('tcp')], run: runFor('NodePort') },
  ],
};
