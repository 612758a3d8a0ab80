import { SecurityClass } from '@zwave-js/core';
import { InclusionStrategy, SecurityBootstrapFailure, type Driver, type InclusionResult as ZInclusionResult, type ZWaveNode } from 'zwave-js';
import type { InclusionRequest, InclusionResult, LinkSecurity } from '../live/live-lock-network';
import { isLock, lockInfo } from './lock-info';

/** The DSK's first five digits are the PIN printed on the lock's label: the technician types them, so they are never shown. */
export const hideDskPin = (dsk: string): string => `xxxxx${dsk.slice(5)}`;

const requestedSecurity = (classes: readonly SecurityClass[]): LinkSecurity =>
  classes.includes(SecurityClass.S2_AccessControl) || classes.includes(SecurityClass.S2_Authenticated)
    ? 'strong'
    : classes.length > 0
      ? 'weak'
      : 'none';

/**
 * Includes one lock with S2 (Access Control where the lock asks for it): grants what the lock
 * requests, asks the technician for the DSK's PIN, and waits for the lock's interview so the
 * answer carries its capabilities. A lock that only does S0 is included with S0 ('weak').
 */
export async function includeLock(driver: Driver, request: InclusionRequest): Promise<InclusionResult> {
  const controller = driver.controller;
  let requested: LinkSecurity = 'strong';
  let abortedByUser = false;
  const started = await controller.beginInclusion({
    strategy: InclusionStrategy.Security_S2,
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
    const finish = (result: InclusionResult): void => {
      controller.off('node added', onAdded);
      controller.off('inclusion stopped', onStopped);
      controller.off('inclusion failed', onFailed);
      request.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAdded = (node: ZWaveNode, result: ZInclusionResult): void => {
      controller.off('inclusion stopped', onStopped);
      void settle(node, result, abortedByUser).then(finish);
    };
    const onStopped = (): void => finish({ ok: false, reason: 'timeout', message: 'No lock joined: put the lock in inclusion mode (see its manual) and try again.' });
    const onFailed = (): void => finish({ ok: false, reason: 'security_failed', message: 'The lock could not join the network. Exclude it, then include it again.' });
    const onAbort = (): void => {
      void controller.stopInclusion().catch(() => false);
      finish({ ok: false, reason: 'aborted', message: 'Inclusion was stopped.' });
    };
    controller.on('node added', onAdded);
    controller.on('inclusion stopped', onStopped);
    controller.on('inclusion failed', onFailed);
    if (request.signal?.aborted) onAbort();
    else request.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function settle(node: ZWaveNode, result: ZInclusionResult, abortedByUser: boolean): Promise<InclusionResult> {
  if (result.lowSecurity) {
    const reason = result.lowSecurityReason;
    if (abortedByUser || reason === SecurityBootstrapFailure.UserCanceled)
      return { ok: false, reason: 'aborted', message: `The lock (node ${node.id}) joined without security because the PIN was not given. Exclude it and include it again.` };
    if (reason === SecurityBootstrapFailure.S2IncorrectPIN)
      return { ok: false, reason: 'wrong_pin', message: `The PIN did not match the lock's DSK label, so the lock (node ${node.id}) joined without security. Exclude it, then include it again with the five digits printed on its label.` };
    return { ok: false, reason: 'security_failed', message: `The lock (node ${node.id}) joined without security: its security setup failed (${SecurityBootstrapFailure[reason] ?? reason}). Exclude it and include it again.` };
  }
  await new Promise<void>((ready) => (node.ready ? ready() : node.once('ready', () => ready())));
  if (!isLock(node)) return { ok: false, reason: 'not_a_lock', message: `Node ${node.id} joined the network but is not a lock (it has neither Door Lock nor User Code). Exclude it.` };
  return { ok: true, lock: lockInfo(node) };
}
