import type { CredentialRecord } from '../store/cloud-store';
import { MutationRefused } from '../rules/refusal';
import type { ApplyContext } from './apply-context';

const granterWords = { admin: 'an admin', leasing: 'the leasing office', maintenance: 'maintenance staff', kiosk: 'a kiosk' } as const;

/**
 * A kiosk may revoke, set new dates on or resend only what a kiosk granted on its own
 * console: not another console's grant, and not leasing's grant made on the same console
 * (a kiosk staff member signed in at the front desk). A grant whose role is unknown is not a
 * kiosk's. Facts a kiosk console reports (a schedule ran out, a code was used) need only be
 * about its own console's grants: see checkOwnConsole.
 */
export function checkKioskMayChange(ctx: ApplyContext, c: CredentialRecord, doing: string): void {
  if (!ctx.ownGrantsOnly) return;
  checkOwnConsole(ctx, c, doing);
  if (c.grantedRole !== 'kiosk')
    throw new MutationRefused('forbidden', `A kiosk may only ${doing} access a kiosk granted; ${c.guest.name}’s was granted by ${c.grantedRole ? granterWords[c.grantedRole] : 'staff'} on this console.`);
}

/** A kiosk (or a kiosk console) acts only on credentials granted on its own console. */
export function checkOwnConsole(ctx: ApplyContext, c: CredentialRecord, doing: string): void {
  if (ctx.ownGrantsOnly && c.originConsoleId !== ctx.console.id)
    throw new MutationRefused('forbidden', `A kiosk may only ${doing} access a kiosk granted; ${c.guest.name}’s was granted on another console.`);
}
