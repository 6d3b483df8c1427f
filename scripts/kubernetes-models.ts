// What the table generators (k8s-schema-table.ts, k8s-openapi-table.ts) read from kubernetes-models: where its type
// declarations are, and the integer widths its precompiled validators know.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** kubernetes-models' folder (`v1/Pod.d.ts`, `_schemas/…`). */
export const modelsRoot = dirname(require.resolve('kubernetes-models/package.json'));
/** @kubernetes-models/apimachinery's folder (ObjectMeta and the other meta/v1 types). */
export const machineryRoot = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));

export type IntegerWidth = 'int32' | 'int64' | 'number';

/** Integer fields of a type, with their Go width, found by asking its precompiled validator about 1.5 and 2^40. */
export async function integerWidths(long: string, names: string[]): Promise<Record<string, IntegerWidth>> {
  const base = long.startsWith('IoK8sApimachinery') ? machineryRoot : modelsRoot;
  const { validate } = (await import(join(base, '_schemas', `${long}.mjs`))) as { validate: ((d: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] } };
  const out: Record<string, IntegerWidth> = {};
  for (const name of names) {
    const complaint = (value: number) => {
      validate({ [name]: value });
      return (validate.errors ?? []).filter((e) => e.instancePath === `/${name}`);
    };
    const integer = complaint(1.5).some((e) => e.keyword === 'type' && e.params.type === 'integer');
    out[name] = !integer ? 'number' : complaint(2 ** 40).some((e) => e.keyword === 'format') ? 'int32' : 'int64';
  }
  return out;
}
