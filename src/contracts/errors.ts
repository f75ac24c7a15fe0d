/**
 * The error body of every 4xx and 5xx answer: the problems found, each with a code and the path
 * of the field, as the CLI prints them. The web client turns network failures into the same shape.
 */
import { z } from 'zod';

export const IssueSchema = z
  .object({
    code: z.string().describe('snake_case code, e.g. invalid_type, not_found, unauthorized'),
    path: z.array(z.union([z.string(), z.number()])).describe('where in the request'),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .describe('one problem with the request');
export type Issue = z.infer<typeof IssueSchema>;

export const ErrorSchema = z
  .object({ issues: z.array(IssueSchema) })
  .describe('every problem found; 5xx errors carry one generic issue and never internals');
export type ErrorBody = z.infer<typeof ErrorSchema>;
