import type { ChangeBody } from '../../../shared/sync';

/** A change of a batch as applying reads it: its body (null: it did not parse, and is skipped) and who made it. */
export interface ReadChange {
  body: ChangeBody | null;
  by: string;
}

/** How a credential granted in a batch ends later in that batch. */
export interface EndAhead {
  reason: 'revoked' | 'expired' | 'used';
  /** Who ended it, as the ending change names them. */
  by: string;
}

const endReasons: Partial<Record<ChangeBody['kind'], EndAhead['reason']>> = {
  'credential.revoked': 'revoked',
  'credential.expired': 'expired',
  'credential.used': 'used',
};

/** Changes naming a credential that neither read nor change its doors, its code or whether it is live. */
const besideTheDoors = new Set<ChangeBody['kind']>(['credential.text_status', 'credential.text_requested']);

/**
 * The grants of a batch that a later change of the same batch ends (revoked, expired, used),
 * with nothing in between touching the credential but its text's status: by the grant's index,
 * how it ends. A community's history is mostly such pairs (a guest's pass, revoked a few days
 * later), and a first pull applies thousands of them a batch: the grant can write the
 * credential already ended and its door rows already removed, rather than write them live and
 * take them back (each live row sits in half a dozen indexes, and ending it fires triggers).
 * Both changes still apply in their places, with their audit lines and door marks: what the
 * batch commits is what applying them one by one would have left.
 */
export function endsAhead(batch: readonly ReadChange[]): Map<number, EndAhead> {
  /** Credentials granted in the batch and not touched since: the index of their grant. */
  const open = new Map<string, number>();
  const ends = new Map<number, EndAhead>();
  batch.forEach(({ body, by }, index) => {
    if (!body || besideTheDoors.has(body.kind)) return;
    const payload = body.payload as { credentialId?: unknown; replaces?: unknown };
    const id = typeof payload.credentialId === 'string' ? payload.credentialId : null;
    if (id !== null) {
      const granted = open.get(id);
      const reason = endReasons[body.kind];
      if (granted !== undefined && reason) ends.set(granted, { reason, by });
      open.delete(id);
    }
    if (typeof payload.replaces === 'string') open.delete(payload.replaces);
    if (id !== null && (body.kind === 'credential.granted' || body.kind === 'credential.reissued')) open.set(id, index);
  });
  return ends;
}
