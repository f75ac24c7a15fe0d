/**
 * Pre-serialised JSON (a stored run result, a cached document) is sent as it is: Fastify does
 * not re-serialise a string with a JSON content type. The route's declared response schema
 * still documents the parsed shape, so the text is typed as `never` to satisfy it.
 */
export const JSON_TYPE = 'application/json; charset=utf-8';

export const rawJson = (text: string): never => text as never;
