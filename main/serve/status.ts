// metav1.Status bodies the API server sends for errors that do not come from the engine (paths, auth, methods).
import { ApiError } from '../../src/apiserver/api-error';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A metav1.Status failure, as JSON. */
export function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) body.details = details;
  return body;
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function errorReply(e: ApiError): HttpReply {
  return jsonReply(e.code, e.toStatus());
}

/** The 404 of a path nothing serves: `the server could not find the requested resource`. */
export function notFoundReply(): HttpReply {
  return jsonReply(404, statusBody(404, 'NotFound', 'the server could not find the requested resource', {}));
}

export function unauthorizedReply(): HttpReply {
  return jsonReply(401, statusBody(401, 'Unauthorized', 'Unauthorized'));
}

export function methodNotAllowed(): HttpReply {
  return jsonReply(405, statusBody(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {}));
}
