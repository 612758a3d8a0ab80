import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { z } from 'zod';
import * as sync from '../../src/shared/sync';

/*
 * docs/sync-api.openapi.yaml against the protocol's one schema (src/shared/sync): for every
 * component that names a message, the same properties, required sets, types, enums, consts
 * and variants, at every depth. Lengths, patterns and formats are the schema's business.
 * (tests/cloud/api-docs.test.ts holds the endpoints and codes to docs/sync-api.md.)
 */

type Json = Record<string, unknown>;
const openapi = YAML.parse(fs.readFileSync('docs/sync-api.openapi.yaml', 'utf8')) as { components: { schemas: Record<string, Json> } };

/** Requests are what a console sends (the schema's input); answers what the cloud sends (its output). */
const messages: Record<string, [z.ZodType, 'input' | 'output']> = {
  PairRequest: [sync.PairRequest, 'input'],
  Paired: [sync.Paired, 'output'],
  ConsoleInfo: [sync.ConsoleInfo, 'output'],
  StaffSessionRequest: [sync.StaffSessionRequest, 'input'],
  StaffSession: [sync.StaffSession, 'output'],
  PushRequest: [sync.PushRequest, 'input'],
  Mutation: [sync.PushedMutation, 'input'],
  MutationBody: [sync.MutationBody, 'input'],
  PushAnswer: [sync.PushAnswer, 'output'],
  MutationResult: [sync.MutationResult, 'output'],
  ChangePage: [sync.ChangePage, 'output'],
  Change: [sync.Change, 'output'],
  ChangeBody: [sync.ChangeBody, 'output'],
  LeaseRequest: [sync.LeaseRequest, 'input'],
  Lease: [sync.PinLease, 'output'],
  AnchorRequest: [sync.AnchorRequest, 'input'],
  AnchorAnswer: [sync.AnchorAnswer, 'output'],
  LatestAnchor: [sync.LatestAnchor, 'output'],
};

function resolve(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = openapi.components.schemas[ref.replace('#/components/schemas/', '')];
  if (!target) throw new Error(`${ref} names no component`);
  return resolve(target);
}

const sorted = <T>(items: T[]) => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** A schema reduced to what both sides must agree on. */
function shape(raw: Json): unknown {
  const node = resolve(raw);
  if (Array.isArray(node.allOf)) {
    const parts = node.allOf.map((p) => resolve(p as Json));
    return shape({ type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties)), required: parts.flatMap((p) => (p.required as string[]) ?? []) });
  }
  const choices = (node.oneOf ?? node.anyOf) as Json[] | undefined;
  if (choices) {
    const nonNull = choices.filter((c) => resolve(c).type !== 'null');
    const nullable = nonNull.length < choices.length;
    const variants = nonNull.flatMap((c) => {
      const v = shape(c) as Json;
      return Array.isArray(v.variants) ? v.variants : [v];
    });
    const one = variants.length === 1 ? (variants[0] as Json) : { variants: sorted(variants) };
    return nullable ? { ...one, nullable: true } : one;
  }
  if (Array.isArray(node.type) && node.type.includes('null')) return { ...(shape({ ...node, type: node.type.find((t) => t !== 'null') }) as Json), nullable: true };
  if ('const' in node) return { const: node.const };
  if (Array.isArray(node.enum)) return { enum: [...node.enum].sort() };
  if (node.type === 'object') {
    const props = (node.properties ?? {}) as Record<string, Json>;
    if (Object.keys(props).length === 0) return { object: 'any' };
    return { properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, shape(v)])), required: [...((node.required as string[]) ?? [])].sort() };
  }
  if (node.type === 'array') return { array: shape((node.items ?? {}) as Json) };
  return node.type === undefined ? 'any' : { type: node.type };
}

describe('docs/sync-api.openapi.yaml', () => {
  it.each(Object.keys(messages))('%s is the protocol’s schema', (name) => {
    const [schema, io] = messages[name]!;
    const documented = openapi.components.schemas[name];
    expect(documented, `${name} is not a component`).toBeDefined();
    expect(shape(documented!)).toEqual(shape(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json));
  });

  it('tells a difference: a property, a required field, an enum value or a variant missing is caught', () => {
    const grant = shape(z.toJSONSchema(sync.MutationResult, { io: 'output' }) as Json);
    const changed = z.toJSONSchema(sync.MutationResult.options[0].extend({ code: z.enum(['forbidden']) }), { io: 'output' }) as Json;
    expect(shape(changed)).not.toEqual(grant);
    expect(shape({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] })).not.toEqual(shape({ type: 'object', properties: { a: { type: 'string' } }, required: [] }));
  });
});
