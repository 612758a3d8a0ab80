import type { MockNodeBehavior } from '@zwave-js/testing';
import { KEXFailType, Security2CC, Security2CCKEXFail, Security2CCKEXSet, Security2CCPublicKeyReport, Security2CCTransferEnd } from 'zwave-js';
import { SecurityClass } from '@zwave-js/core';
import type { FactoryNewLockOptions } from '../simulated-zwave';

/**
 * A factory-new lock's S2 bootstrapping, where zwave-js's mock differs from the S2 spec:
 * - it sends its whole public key; a joining node that requests S2 Access Control or
 *   Authenticated MUST blank the first two bytes (the five-digit PIN on its DSK label), so the
 *   including controller can only complete the key with the PIN the technician types;
 * - `failBootstrap`: the lock cancels the key exchange (KEX Fail, Bootstrapping Canceled)
 *   once the controller granted keys, as a lock does when it cannot go on.
 * `bootstrapped` is called once the key exchange is over: secure after the controller's last
 * Transfer End, or not after a KEX Fail either way (a wrong PIN makes the controller send one).
 */
export function joiningLockBehaviors(options: FactoryNewLockOptions, bootstrapped: (secure: boolean) => void = () => {}): MockNodeBehavior[] {
  let keysOffered = false;
  return [
    {
      handleCC(controller, self, cc) {
        // The interview's first secure question says the exchange went through, whether or not the last Transfer End reached here.
        if ((cc instanceof Security2CCTransferEnd && cc.keyRequestComplete) || (keysOffered && !(cc instanceof Security2CC))) bootstrapped(true);
        if (cc instanceof Security2CCKEXFail) bootstrapped(false);
        if (!(cc instanceof Security2CCKEXSet) || cc.echo) return undefined;
        keysOffered = true;
        if (options.failBootstrap) {
          bootstrapped(false);
          return { action: 'sendCC', cc: new Security2CCKEXFail({ nodeId: controller.ownNodeId, failType: KEXFailType.BootstrappingCanceled }) };
        }
        // Same stage bookkeeping as zwave-js's own KEX Set handler, whose state key this shares.
        self.state.set('Security2_bootstrapState', { stage: 1, grantedKeys: cc.grantedKeys });
        const publicKey = Uint8Array.from(self.ecdhKeyPair.publicKey);
        const authenticated = cc.grantedKeys.some((k) => k === SecurityClass.S2_AccessControl || k === SecurityClass.S2_Authenticated);
        if (authenticated) publicKey.fill(0, 0, 2);
        return { action: 'sendCC', cc: new Security2CCPublicKeyReport({ nodeId: controller.ownNodeId, includingNode: false, publicKey }) };
      },
    },
  ];
}

