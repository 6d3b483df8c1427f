// Errors as the API server returns them (a metav1.Status); kubectl prints `Error from server (Reason): message`.

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'InternalError';

export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  InternalError: 500,
};

export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: { name?: string; group?: string; kind?: string; causes?: StatusCause[] } = {},
  ) {
    super(message);
    this.code = CODES[reason];
  }

  /** The metav1.Status object a real API server sends. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: this.details,
      code: this.code,
    };
  }
}

/** `pods "web" not found` */
export function notFound(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError('NotFound', `${qualified} "${name}" not found`, { name, group, kind: resource });
}

export function alreadyExists(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError('AlreadyExists', `${qualified} "${name}" already exists`, { name, group, kind: resource });
}

export function conflict(resource: string, group: string, name: string): ApiError {
  const qualified = group ? `${resource}.${group}` : resource;
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group, kind: resource },
  );
}

export interface FieldError {
  field: string;
  /** `Required value`, `Invalid value`, `Unsupported value`, `Forbidden`, `Duplicate value`, `Not found`… */
  type: string;
  /** The offending value, printed as Go's %#v would print it; omitted for Required/Forbidden. */
  value?: unknown;
  detail?: string;
}

export function formatFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  if (e.value !== undefined) s += `: ${goQuote(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** A value printed as written (Go's %#v of a slice: `[]int32{1, 2}`), not quoted. */
export class GoLiteral {
  constructor(readonly text: string) {}
}

function goQuote(v: unknown): string {
  if (v instanceof GoLiteral) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** `Pod "web" is invalid: spec.containers[0].image: Required value` (several causes become a bracketed list). */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): ApiError {
  const qualified = group ? `${kind}.${group}` : kind;
  const parts = errors.map(formatFieldError);
  const summary = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return new ApiError('Invalid', `${qualified} "${name}" is invalid: ${summary}`, {
    name,
    group,
    kind,
    causes: errors.map((e) => ({ reason: reasonOf(e.type), message: formatFieldError(e).slice(e.field.length + 2), field: e.field })),
  });
}

function reasonOf(type: string): string {
  return (
    {
      'Required value': 'FieldValueRequired',
      'Invalid value': 'FieldValueInvalid',
      'Unsupported value': 'FieldValueNotSupported',
      Forbidden: 'FieldValueForbidden',
      'Duplicate value': 'FieldValueDuplicate',
      'Not found': 'FieldValueNotFound',
      'Too long': 'FieldValueTooLong',
    }[type] ?? 'FieldValueInvalid'
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message);
}
