import { SecurityClass } from '@zwave-js/core';
import { InclusionState, InclusionStrategy, SecurityBootstrapFailure, type Driver, type InclusionResult as ZInclusionResult, type ZWaveNode } from 'zwave-js';
import type { InclusionRequest, InclusionResult, LinkSecurity } from '../live/live-lock-network';
import { isLock, lockInfo } from './lock-info';

/**
 * The DSK's first five digits are the PIN printed on the lock's label: the technician types
 * them, so they are never shown. zwave-js hands over the DSK without them ("-12345-..."); a
 * whole DSK has them cut off.
 */
export const hideDskPin = (dsk: string): string => `xxxxx${dsk.replace(/^\d{5}/, '')}`;

const requestedSecurity = (classes: readonly SecurityClass[]): LinkSecurity =>
  classes.includes(SecurityClass.S2_AccessControl) || classes.includes(SecurityClass.S2_Authenticated)
    ? 'strong'
    : classes.length > 0
      ? 'weak'
      : 'none';

/**
 * Includes one lock with S2 (Access Control where the lock asks for it): grants what the lock
 * requests, asks the technician for the DSK's PIN, and waits for the lock's interview so the
 * answer carries its capabilities. A lock that only does S0 is included with S0 ('weak'): no
 * PIN is asked for, and the page and the activity log flag it as weaker.
 */
export async function includeLock(driver: Driver, request: InclusionRequest): Promise<InclusionResult> {
  const controller = driver.controller;
  let requested: LinkSecurity = 'strong';
  let abortedByUser = false;
  const started = await controller.beginInclusion({
    // Default, not Security_S2: S2 where the lock does it, and (forced) S0 where it only does
    // S0. Security_S2 alone includes an S0-only lock with no security at all.
    strategy: InclusionStrategy.Default,
    forceSecurity: true,
    userCallbacks: {
      grantSecurityClasses: async (grant) => {
        requested = requestedSecurity(grant.securityClasses);
        return grant;
      },
      validateDSKAndEnterPIN: async (dsk) => {
        const pin = await request.pin({ dskHidden: hideDskPin(dsk), requestedSecurity: requested });
        if (pin === null) abortedByUser = true;
        return pin === null ? false : pin;
      },
      abort: () => {},
    },
  });
  if (!started) return { ok: false, reason: 'aborted', message: 'The stick is already including or excluding a device: try again when it is done.' };

  return new Promise<InclusionResult>((resolve) => {
    // zwave-js stops the stick's add mode ("inclusion stopped") before it bootstraps a found
    // lock's security and asks for the PIN: only the network going idle with no lock found
    // means none joined.
    let found = false;
    const finish = (result: InclusionResult): void => {
      controller.off('node found', onFound);
      controller.off('node added', onAdded);
      controller.off('inclusion state changed', onState);
      controller.off('inclusion failed', onFailed);
      request.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onFound = (): void => {
      found = true;
    };
    const onAdded = (node: ZWaveNode, result: ZInclusionResult): void => {
      controller.off('inclusion state changed', onState);
      void settle(driver, node, result, abortedByUser).then(finish);
    };
    const onState = (state: InclusionState): void => {
      if (state === InclusionState.Idle && !found) finish({ ok: false, reason: 'timeout', message: 'No lock joined: put the lock in inclusion mode (see its manual) and try again.' });
    };
    const onFailed = (): void => finish({ ok: false, reason: 'security_failed', message: 'The lock could not join the network. Exclude it, then include it again.' });
    const onAbort = (): void => {
      void controller.stopInclusion().catch(() => false);
      finish({ ok: false, reason: 'aborted', message: 'Inclusion was stopped.' });
    };
    controller.on('node found', onFound);
    controller.on('node added', onAdded);
    controller.on('inclusion state changed', onState);
    controller.on('inclusion failed', onFailed);
    if (request.signal?.aborted) onAbort();
    else request.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Why S2 bootstrapping failed, in staff's words. */
const bootstrapWords: Partial<Record<SecurityBootstrapFailure, string>> = {
  [SecurityBootstrapFailure.NodeCanceled]: 'the lock gave up on its security setup',
  [SecurityBootstrapFailure.Timeout]: 'the lock stopped answering during its security setup',
  [SecurityBootstrapFailure.NoKeysConfigured]: 'this console has no network keys for that security class',
  [SecurityBootstrapFailure.ParameterMismatch]: 'the lock and the stick share no way to set up security',
  [SecurityBootstrapFailure.S2WrongSecurityLevel]: 'the lock asked for keys the stick did not grant',
  [SecurityBootstrapFailure.S0Downgrade]: 'the lock fell back to S0 on an S2 network',
};

/**
 * A lock that joined without the security it asked for is taken off the network where it can
 * be: most S2 locks leave by themselves after a failed key exchange, and the stick then drops
 * the node it no longer reaches. One that still answers stays until it is excluded.
 */
async function removeInsecure(driver: Driver, node: ZWaveNode): Promise<boolean> {
  try {
    await driver.controller.removeFailedNode(node.id);
    return true;
  } catch {
    return false;
  }
}

async function settle(driver: Driver, node: ZWaveNode, result: ZInclusionResult, abortedByUser: boolean): Promise<InclusionResult> {
  if (result.lowSecurity) {
    const reason = result.lowSecurityReason;
    const removed = await removeInsecure(driver, node);
    const after = (again: string): string =>
      removed
        ? `The lock left the network again: put it back in inclusion mode and ${again}.`
        : `It is on the network without security as node ${node.id}: exclude it, then ${again}.`;
    if (abortedByUser || reason === SecurityBootstrapFailure.UserCanceled)
      return { ok: false, reason: 'aborted', message: `The PIN was not given, so the lock could not join securely. ${after('add it again')}` };
    if (reason === SecurityBootstrapFailure.S2IncorrectPIN)
      return { ok: false, reason: 'wrong_pin', message: `The PIN did not match the lock’s DSK label, so the lock could not join securely. ${after('add it again with the five digits printed on its label')}` };
    const why = bootstrapWords[reason] ?? `its security setup failed (${SecurityBootstrapFailure[reason] ?? reason})`;
    return { ok: false, reason: 'security_failed', message: `The lock could not join securely: ${why}. ${after('add it again')}` };
  }
  await new Promise<void>((ready) => (node.ready ? ready() : node.once('ready', () => ready())));
  if (!isLock(node)) return { ok: false, reason: 'not_a_lock', message: `Node ${node.id} joined the network but is not a lock (it has neither Door Lock nor User Code). Exclude it.` };
  return { ok: true, lock: lockInfo(node) };
}
