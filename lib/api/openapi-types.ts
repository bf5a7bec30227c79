// One API operation as the OpenAPI document describes it: each domain lists its own.
import type { ZodType } from 'zod';

export type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  who: string;
  public?: boolean;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  response?: { status: number; schema?: ZodType; contentType?: string };
};
