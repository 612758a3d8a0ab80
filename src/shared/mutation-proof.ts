import * as jcs from 'canonicalize';

/*
 * What a staff member's signing key signs for each mutation a console pushes
 * (docs/sync-api.md, "Proofs"): the console signs at relay time, the cloud checks. Both
 * sides build the same bytes here: the JSON Canonicalization Scheme (RFC 8785) of the
 * fields below, so key order, spacing and number forms cannot differ between them.
 */

/** The proof scheme's version, inside the signed bytes, so a later scheme cannot be confused with this one. */
export const proofVersion = 1;

export interface ProofFields {
  mutationId: string;
  seq: number;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
  actorId: string;
  consoleId: string;
}

/** A mutation's payload nests no deeper than this; deeper is refused for good (nothing real needs it). */
export const maxPayloadDepth = 32;

/** How deep a JSON value nests (a scalar is 0), counted without recursion so no depth can overflow the stack. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(v)) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}

/**
 * The canonical text a proof covers. Throws on what JSON cannot carry faithfully (a lone
 * surrogate in a string, a non-finite number): such a mutation cannot be proven.
 */
export function proofMessage(fields: ProofFields): string {
  const text = jcs.default({ v: proofVersion, ...fields });
  if (text === undefined) throw new Error('This mutation has no canonical form.');
  return text;
}
