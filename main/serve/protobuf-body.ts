// Kubernetes' protobuf wire form (`application/vnd.kubernetes.protobuf`): the 4-byte `k8s\0` magic, then a
// runtime.Unknown envelope {typeMeta, raw}, raw being the object's message. Decoded into the JSON the API server
// would read from the same object: Go's encoding/json rules (omitempty zeros dropped, non-pointer structs kept,
// an unset Time as null, IntOrString and Quantity as their scalar forms, inline structs merged).
import protobuf from 'protobufjs';
import { INLINE_FIELDS, K8S_PROTO, MESSAGE_OF, POINTER_FIELDS } from './protobuf/k8s-proto';

export const PROTOBUF = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

let root: protobuf.Root | undefined;
function types(): protobuf.Root {
  root ??= protobuf.parse(K8S_PROTO, { keepCase: true }).root;
  return root;
}

/** Why a protobuf body could not be read (the server answers 400 or 415 with it). */
export class ProtobufBodyError extends Error {
  constructor(
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

/** The kinds whose protobuf bodies are understood, as `apiVersion/Kind`. */
export function protobufKinds(): string[] {
  return Object.keys(MESSAGE_OF);
}

/** Decodes a `k8s\0` + runtime.Unknown body into the object as JSON. */
export function decodeProtobufObject(body: Uint8Array): Record<string, unknown> {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.length < 4 || !bytes.subarray(0, 4).equals(MAGIC)) throw new ProtobufBodyError('provided object is not a protobuf-encoded Kubernetes object (no k8s magic prefix)');
  const unknownType = types().lookupType('k8s.Unknown');
  let envelope: { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array; contentEncoding?: string };
  try {
    envelope = unknownType.toObject(unknownType.decode(bytes.subarray(4)), { defaults: false }) as typeof envelope;
  } catch (e) {
    throw new ProtobufBodyError(`unable to decode the protobuf envelope: ${(e as Error).message}`);
  }
  const apiVersion = envelope.typeMeta?.apiVersion ?? '';
  const kind = envelope.typeMeta?.kind ?? '';
  if (envelope.contentEncoding) throw new ProtobufBodyError(`content encoding ${envelope.contentEncoding} is not supported`, true);
  const name = MESSAGE_OF[`${apiVersion}/${kind}`];
  if (!name) throw new ProtobufBodyError(`${kind} in version "${apiVersion}" cannot be decoded from protobuf by Kubeville (send JSON)`, true);
  const type = types().lookupType(`k8s.${name}`);
  let message: protobuf.Message;
  try {
    message = type.decode(envelope.raw ?? new Uint8Array());
  } catch (e) {
    throw new ProtobufBodyError(`unable to decode ${kind}: ${(e as Error).message}`);
  }
  const plain = type.toObject(message, { defaults: false, longs: Number, bytes: String, arrays: false, objects: false }) as Record<string, unknown>;
  return { kind, apiVersion, ...(toJson(type, plain) as Record<string, unknown>) };
}

/** A decoded message as Go's encoding/json prints the same struct. */
function toJson(type: protobuf.Type, value: Record<string, unknown>): unknown {
  switch (type.name) {
    case 'Time':
      return timeString(value);
    case 'Quantity':
      return value.string ?? '0';
    case 'IntOrString':
      return Number(value.type ?? 0) === 1 ? (value.strVal ?? '') : (value.intVal ?? 0);
  }
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (!(field.name in value)) continue;
    const v = value[field.name];
    if (field.map) {
      const entries = Object.entries(v as Record<string, unknown>);
      if (!entries.length) continue;
      const sub = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
      out[field.name] = Object.fromEntries(entries.map(([k, x]) => [k, sub ? toJson(sub, x as Record<string, unknown>) : x]));
      continue;
    }
    if (field.repeated) {
      const list = v as unknown[];
      if (!list.length) continue;
      const sub = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
      out[field.name] = list.map((x) => (sub ? toJson(sub, x as Record<string, unknown>) : x));
      continue;
    }
    if (field.resolvedType instanceof protobuf.Type) {
      const converted = toJson(field.resolvedType, v as Record<string, unknown>);
      if (INLINE_FIELDS.has(field.name) && converted && typeof converted === 'object') Object.assign(out, converted);
      else if (field.resolvedType.name === 'IntOrString' && converted === 0) continue;
      else out[field.name] = converted;
      continue;
    }
    if ((v === '' || v === 0 || v === false) && !POINTER_FIELDS.has(field.name)) continue;
    out[field.name] = v;
  }
  return out;
}

/** metav1.Time: RFC 3339 in UTC to the second; the zero time is null. */
function timeString(t: Record<string, unknown>): string | null {
  const seconds = Number(t.seconds ?? 0);
  if (!seconds && !Number(t.nanos ?? 0)) return null;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
