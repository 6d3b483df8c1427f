// The error kubectl prints for a manifest whose kind/version this cluster does not serve.
import type { KubeObject } from '../../api/meta';

/** `resource mapping not found for name: "dump" namespace: "" from "cj.yaml": no matches for kind …` */
export function mappingError(obj: KubeObject, source: string): string {
  return (
    `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${source}": ` +
    `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`
  );
}
