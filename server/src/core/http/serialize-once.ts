import type { z } from 'zod';

const memo = new WeakMap<object, string>();

/**
 * JSON for a cached answer object: checked against its response schema and serialised the first time, then the same
 * string is reused for as long as the object stays cached (a string reply skips Fastify's per-request serializer).
 */
export function serializeOnce<T extends z.ZodType>(schema: T, value: object): string {
  let json = memo.get(value);
  if (json === undefined) {
    json = JSON.stringify(schema.parse(value));
    memo.set(value, json);
  }
  return json;
}
