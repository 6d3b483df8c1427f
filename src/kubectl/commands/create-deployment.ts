// `kubectl create deployment NAME --image=IMAGE… [--replicas=N] [--port=P] [-- COMMAND…]`: the Deployment kubectl
// 1.32 sends (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go), keys in its serialisation order.
import type { Deployment } from '../../api/workloads';
import type { KubectlContext, KubectlResult } from '../context';
import { KubectlError } from '../errors';
import { boolFlag, intFlag, sliceFlag, stringFlag } from '../flags';
import type { CommandDef, Invocation } from './command';
import { UsageError, withOutput } from './command';
import { checkOutputFormat, parseDryRun } from './object-output';
import { dryRunWarning } from './dry-run-warning';
import { createAndPrint } from './create';

/** The container name kubectl derives from an image: its last path part without tag or digest. */
export function containerNameOf(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0].split(':')[0];
}

export function generateDeployment(name: string, images: string[], replicas: number, port: number, command: string[], namespace?: string): Deployment {
  const labels = { app: name };
  const containers = images.map((image) => {
    const c: Record<string, unknown> = { image, name: containerNameOf(image) };
    if (command.length) c.command = command;
    if (port >= 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  const metadata: Record<string, unknown> = { creationTimestamp: null, labels, name };
  if (namespace) metadata.namespace = namespace;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } } },
    status: {},
  } as unknown as Deployment;
}

function run(inv: Invocation, ctx: KubectlContext): KubectlResult {
  return withOutput((out) => {
    const dash = inv.argsLenAtDash;
    const names = dash >= 0 ? inv.args.slice(0, dash) : inv.args;
    const command = dash >= 0 ? inv.args.slice(dash) : [];
    if (names.length !== 1) throw new UsageError(inv.path, `exactly one NAME is required, got ${names.length}`);
    const images = inv.flags.list('image');
    if (!images.length) throw new KubectlError('required flag(s) "image" not set');
    if (images.length > 1 && command.length) throw new KubectlError('cannot specify multiple --image options and command');
    checkOutputFormat(inv.flags.string('output'));
    if (parseDryRun(inv.flags.string('dry-run')).deprecated) out.err(dryRunWarning(ctx));
    const replicas = inv.flags.int('replicas', 1);
    const port = inv.flags.int('port', -1);
    createAndPrint(generateDeployment(names[0], images, replicas, port, command, inv.namespaceSet ? inv.namespace : undefined), inv, ctx, out);
  });
}

export const createDeploymentCommand: CommandDef = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [
    boolFlag('allow-missing-template-keys'),
    stringFlag('dry-run', undefined, 'unchanged'),
    stringFlag('field-manager'),
    sliceFlag('image'),
    stringFlag('output', 'o'),
    intFlag('port'),
    intFlag('replicas', 'r'),
    boolFlag('save-config'),
    boolFlag('show-managed-fields'),
    stringFlag('template'),
    stringFlag('validate', undefined, 'strict'),
  ],
  run,
};
