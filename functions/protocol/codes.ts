/** Formspree's error codes and the shape of our JSON answers (see shared/spec/forms-protocol.md). */
import type { FieldErrorCode } from '../../src/schemas/forms/validate.ts';

export type FormErrorCode = 'BLOCKED' | 'EMPTY' | 'FILES_TOO_BIG' | 'FORM_NOT_FOUND' | 'INACTIVE' | 'NO_FILE_UPLOADS';

/** One problem as the JSON clients read it: `field` only for field errors. */
export type ProtocolError = { field?: string; code?: FieldErrorCode | FormErrorCode; message: string };

/** A refusal: HTTP status, the top-level `error` string older clients read, the errors, extra headers. */
export type Refusal = {
  status: 400 | 403 | 404 | 405 | 413 | 415 | 422 | 429 | 500 | 503;
  error: string;
  errors: ProtocolError[];
  /** Heading of the browser page. */
  title: string;
  headers?: Record<string, string>;
};

export const refusal = (
  status: Refusal['status'],
  title: string,
  message: string,
  code?: FormErrorCode,
  headers?: Record<string, string>,
): Refusal => ({ status, error: message, title, errors: [{ code, message }], headers });
