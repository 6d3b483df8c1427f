// `continue` tokens for paged lists: opaque to clients, here base64 of the list's resourceVersion and the key of
// the last object sent (the API server's are base64 JSON too, of an etcd key).

export interface ContinueKey {
  rv: string;
  /** (namespace, name) of the last object of the previous page. */
  start: [string, string];
}

export function encodeContinue(key: ContinueKey): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: key.rv, start: key.start })).toString('base64url');
}

export function decodeContinue(token: string): ContinueKey | undefined {
  try {
    const doc = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; rv?: string; start?: unknown };
    if (doc.v !== 'meta.k8s.io/v1' || typeof doc.rv !== 'string' || !Array.isArray(doc.start) || doc.start.length !== 2) return undefined;
    if (typeof doc.start[0] !== 'string' || typeof doc.start[1] !== 'string') return undefined;
    return { rv: doc.rv, start: [doc.start[0], doc.start[1]] };
  } catch {
    return undefined;
  }
}
