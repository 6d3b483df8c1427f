// How kubectl prints errors from the server (cmdutil.CheckErr / StandardErrorMessage).
import { ApiError } from '../apiserver/api-error';

/** `Error from server (NotFound): pods "x" not found`; Invalid errors print `The Pod "x" is invalid: …`. */
export function formatServerError(e: ApiError, context?: { verb: 'creating' | 'applying' | 'patching' | 'replacing'; file: string }): string {
  if (e.reason === 'Invalid') {
    const causes = e.details.causes ?? [];
    const head = e.message.replace(/ is invalid: .*$/s, ' is invalid');
    if (causes.length > 1) {
      return `The ${head}: \n${causes.map((c) => `* ${c.field}: ${c.message}`).join('\n')}`;
    }
    return `The ${e.message}`;
  }
  const where = context ? `error when ${context.verb} "${context.file}": ` : '';
  return `Error from server (${e.reason}): ${where}${e.message}`;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A user-facing kubectl error (printed as `error: message`). */
export class KubectlError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
