// The one object a command like expose/scale/set/rollout acts on: `TYPE NAME` or `TYPE/NAME`.
import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/resources';
import type { KubectlContext } from '../context';
import { parseResourceArgs, qualifiedKind } from '../resource-args';

export interface Target {
  type: ResourceType;
  object: KubeObject;
  /** `deployment.apps/web` */
  ref: string;
}

export function targetObjects(args: string[], namespace: string, ctx: KubectlContext): Target[] {
  const minor = ctx.sim.config.minor;
  const out: Target[] = [];
  for (const sel of parseResourceArgs(args, minor)) {
    for (const name of sel.names) {
      const object = ctx.sim.api.get(sel.type.kind, namespace, name);
      out.push({ type: sel.type, object, ref: `${qualifiedKind(sel.type)}/${name}` });
    }
  }
  return out;
}
