// One API operation: its path, the schemas of what it takes and answers, and who may call it. The
// route handler is built from it (apiRoute) and the OpenAPI document lists it, so the document
// describes what the handler parses and answers, and a route cannot go undocumented.
import type { ZodType } from 'zod';

/** A success answer: JSON of this schema, a file of this content type, or no content (null). */
export type SuccessResponse = ZodType | { contentType: string | readonly string[] } | null;

export type Operation<
  P extends ZodType | undefined = ZodType | undefined,
  Q extends ZodType | undefined = ZodType | undefined,
  B extends ZodType | undefined = ZodType | undefined,
  Public extends boolean = boolean,
> = {
  /** Unique, camelCase: what a generated client names the call. */
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Under /api/v1, with {name} for path parameters. */
  path: string;
  summary: string;
  who: string;
  /** A public operation (token creation) has no caller; every other one requires one. */
  public?: Public;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart/form-data upload instead of a JSON body: the field holding the file, its largest size. */
  upload?: { field: string; maxBytes: number };
  /** Success answers by status. */
  responses: Record<number, SuccessResponse>;
  /**
   * Error answers beyond the ones every operation may give (400 for a bad input, 401, 403, 404
   * when it has path parameters, 503 when the database is away), by status: what they mean.
   */
  errors?: Record<number, string>;
};

/** Declares an operation, keeping the exact types of its schemas for the handler. */
export function defineOperation<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  Public extends boolean = false,
>(operation: Operation<P, Q, B, Public>): Operation<P, Q, B, Public> {
  return operation;
}
