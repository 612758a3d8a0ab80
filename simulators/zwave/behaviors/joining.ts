import type { MockNodeBehavior } from '@zwave-js/testing';
import { KEXFailType, Security2CCKEXFail, Security2CCKEXSet, Security2CCPublicKeyReport } from 'zwave-js';
import { SecurityClass } from '@zwave-js/core';
import type { FactoryNewLockOptions } from '../simulated-zwave';

/**
 * A factory-new lock's S2 bootstrapping, where zwave-js's mock differs from the S2 spec:
 * - it sends its whole public key; a joining node that requests S2 Access Control or
 *   Authenticated MUST blank the first two bytes (the five-digit PIN on its DSK label), so the
 *   including controller can only complete the key with the PIN the technician types;
 * - `failBootstrap`: the lock cancels the key exchange (KEX Fail, Bootstrapping Canceled)
 *   once the controller granted keys, as a lock does when it cannot go on.
 */
export function joiningLockBehaviors(options: FactoryNewLockOptions): MockNodeBehavior[] {
  return [
    {
      handleCC(controller, self, cc) {
        if (!(cc instanceof Security2CCKEXSet) || cc.echo) return undefined;
        if (options.failBootstrap) {
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

