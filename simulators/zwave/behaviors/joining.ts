import { MockZWaveFrameType, createMockZWaveRequestFrame, type MockController, type MockNode, type MockNodeBehavior, type MockZWaveFrame } from '@zwave-js/testing';
import {
  ECDHProfiles,
  KEXFailType,
  KEXSchemes,
  Security2CC,
  Security2CCKEXFail,
  Security2CCKEXReport,
  Security2CCKEXSet,
  Security2CCNonceGet,
  Security2CCNonceReport,
  Security2CCPublicKeyReport,
  Security2CCTransferEnd,
  type CommandClass,
} from 'zwave-js';
import { SecurityClass, computePRK, deriveSharedECDHSecret, deriveTempKeys } from '@zwave-js/core';
import type { FactoryNewLockOptions } from '../simulated-zwave';

/** How long the lock waits for the stick's answer to its KEX Set echo before it sends the echo again. */
const echoRepeatMs = 3_000;
/** How many times the lock sends it before it gives up and goes quiet (a real lock's own bootstrapping timers run out too). */
const repeatsAtMost = 100;
/** How long the lock waits for a nonce it asked for before it asks again (a loaded machine is slow). */
const nonceWaitMs = 30_000;

/**
 * A factory-new lock's S2 bootstrapping, where zwave-js's mock differs from the S2 spec:
 * - it sends its whole public key; a joining node that requests S2 Access Control or
 *   Authenticated MUST blank the first two bytes (the five-digit PIN on its DSK label), so the
 *   including controller can only complete the key with the PIN the technician types;
 * - it sends its encrypted KEX Set echo once, right after the controller's public key, while
 *   the controller is still waiting for the technician's PIN and cannot read it yet. A real
 *   lock (libs2) repeats the echo until the controller answers (KEX Report echo) or the
 *   exchange fails; here each repeat first asks the controller for a nonce, so it goes under a
 *   fresh SPAN (the controller forgets its nonces once the PIN is in);
 * - `failBootstrap`: the lock gives up after the controller's public key (KEX Fail,
 *   Bootstrapping Canceled), repeated the same way, as a lock does when it cannot go on.
 * `bootstrapped` is called once the key exchange is over: secure after the controller's last
 * Transfer End, or not after a KEX Fail either way (a wrong PIN makes the controller send one).
 */
export function joiningLockBehaviors(options: FactoryNewLockOptions, bootstrapped: (secure: boolean) => void = () => {}): MockNodeBehavior[] {
  let keysOffered = false;
  let handshakeOver = false;
  let over = false;
  let answered: (() => void) | null = null;
  const finish = (secure: boolean): void => {
    over = true;
    handshakeOver = true;
    answered?.();
    bootstrapped(secure);
  };
  return [
    {
      async handleCC(controller, self, cc) {
        // The interview's first secure question says the exchange went through, whether or not the last Transfer End reached here.
        if ((cc instanceof Security2CCTransferEnd && cc.keyRequestComplete) || (keysOffered && handshakeOver && !(cc instanceof Security2CC))) finish(true);
        if (cc instanceof Security2CCKEXFail) finish(false);
        if (cc instanceof Security2CCKEXReport && cc.echo) {
          handshakeOver = true;
          answered?.();
          return undefined;
        }
        if (cc instanceof Security2CCPublicKeyReport && cc.includingNode) {
          await useTempKeys(controller, self, cc.publicKey);
          if (options.failBootstrap) bootstrapped(false);
          void repeatUntilAnswered(controller, self, options.failBootstrap ? { plain: kexFail(controller) } : { encrypted: () => kexSetEcho(controller, self) }, {
            done: () => handshakeOver || over || controller.nodes.get(self.id) !== self,
            wait: () => new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, echoRepeatMs);
              answered = () => {
                clearTimeout(timer);
                resolve();
              };
            }),
          });
          return { action: 'stop' };
        }
        if (!(cc instanceof Security2CCKEXSet) || cc.echo) return undefined;
        keysOffered = true;
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

/** The temporary keys from the controller's public key, as zwave-js's own handler derives them. */
async function useTempKeys(controller: MockController, self: MockNode, controllerKey: Security2CCPublicKeyReport['publicKey']): Promise<void> {
  const sm2 = self.securityManagers.securityManager2!;
  const sharedSecret = await deriveSharedECDHSecret({ publicKey: controllerKey, privateKey: self.ecdhKeyPair.privateKey });
  const tempKeys = await deriveTempKeys(await computePRK(sharedSecret, controllerKey, self.ecdhKeyPair.publicKey));
  sm2.deleteNonce(controller.ownNodeId);
  sm2.tempKeys.set(controller.ownNodeId, { keyCCM: tempKeys.tempKeyCCM, personalizationString: tempKeys.tempPersonalizationString });
}

function kexSetEcho(controller: MockController, self: MockNode): CommandClass {
  const echo = new Security2CCKEXSet({
    nodeId: controller.ownNodeId,
    echo: true,
    selectedKEXScheme: KEXSchemes.KEXScheme1,
    selectedECDHProfile: ECDHProfiles.Curve25519,
    permitCSA: false,
    grantedKeys: [...self.capabilities.securityClasses],
  });
  return Security2CC.encapsulate(echo, self.id, self.securityManagers);
}

const kexFail = (controller: MockController): CommandClass => new Security2CCKEXFail({ nodeId: controller.ownNodeId, failType: KEXFailType.BootstrappingCanceled });

/**
 * Sends the frame again and again until `done`: the controller answered, or the exchange is
 * over. An encrypted one is built anew after a fresh nonce from the controller each time (it
 * goes under the SPAN that nonce gives); a plain one (KEX Fail) needs none.
 */
async function repeatUntilAnswered(
  controller: MockController,
  self: MockNode,
  frame: { plain: CommandClass } | { encrypted: () => CommandClass },
  until: { done: () => boolean; wait: () => Promise<void> },
): Promise<void> {
  try {
    for (let sent = 0; sent < repeatsAtMost && !until.done(); sent += 1) {
      if ('encrypted' in frame && (!(await freshNonce(controller, self)) || until.done())) continue;
      await self.sendToController(createMockZWaveRequestFrame('plain' in frame ? frame.plain : frame.encrypted(), { ackRequested: false }));
      await until.wait();
    }
  } catch {
    // The stick closed under the lock: nothing more to send.
  }
}

/** A Nonce Get and the controller's Nonce Report (which sets the SPAN the next frame uses); false when none came. */
async function freshNonce(controller: MockController, self: MockNode): Promise<boolean> {
  await self.sendToController(createMockZWaveRequestFrame(new Security2CCNonceGet({ nodeId: controller.ownNodeId }), { ackRequested: false }));
  try {
    await self.expectControllerFrame((f): f is MockZWaveFrame => f.type === MockZWaveFrameType.Request && f.payload instanceof Security2CCNonceReport && f.payload.SOS, { timeout: nonceWaitMs });
    return true;
  } catch {
    return false;
  }
}
