// Table responses (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`) from the same server-side printers the
// kubectl emulation uses, so both consoles print the same columns and cells.
import type { KubeObject } from '../../src/api/meta';
import { buildTable } from '../../src/kubectl/printers/tables';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

function partialMetadata(obj: KubeObject): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** A meta.k8s.io/v1 Table of objects of one kind, as the API server's TableConvertor returns it. */
export function tableOf(
  kind: string,
  objects: KubeObject[],
  options: { now: number; minor: number; resourceVersion: string; include: IncludeObject; continueToken?: string; noColumns?: boolean },
): Record<string, unknown> {
  // The API server always prints with Wide: true; kubectl drops priority > 0 columns itself.
  const table = buildTable(kind, objects, { now: options.now, minor: options.minor, wide: true });
  const columnDefinitions = table.columns.map((c) => ({
    name: c.name,
    type: 'string',
    format: c.format ?? '',
    description: '',
    priority: c.priority,
  }));
  const metadata: Record<string, unknown> = { resourceVersion: options.resourceVersion };
  if (options.continueToken) metadata.continue = options.continueToken;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: options.noColumns ? null : columnDefinitions,
    rows: table.rows.map((r) => {
      const row: Record<string, unknown> = { cells: r.cells };
      if (options.include === 'Metadata') row.object = partialMetadata(r.object);
      else if (options.include === 'Object') row.object = r.object;
      return row;
    }),
  };
}
