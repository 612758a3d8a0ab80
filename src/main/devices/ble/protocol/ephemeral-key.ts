import { createECDH } from 'node:crypto';

/**
 * A P-256 key pair used for one handshake and forgotten. Both ends make a fresh one each time,
 * so a session's keys owe nothing to any earlier session's (forward secrecy: a lock key stolen
 * later does not open recorded sessions).
 */
export interface EphemeralKey {
  /** Uncompressed: 0x04 || x || y, 65 bytes. */
  readonly publicKey: Uint8Array;
  /** The ECDH shared secret (x coordinate, 32 bytes), or null when the peer's point is not on the curve. */
  sharedSecret(peerPublicKey: Uint8Array): Uint8Array | null;
}

/** Where handshakes get their key pairs: random in use, fixed in golden-byte tests. */
export type EphemeralSource = () => EphemeralKey;

export const randomEphemeral: EphemeralSource = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return wrap(ecdh);
};

/** A key pair from a given private scalar (32 bytes): for tests that pin the bytes. */
export function ephemeralFromPrivateKey(privateKey: Uint8Array): EphemeralKey {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(privateKey);
  return wrap(ecdh);
}

function wrap(ecdh: ReturnType<typeof createECDH>): EphemeralKey {
  return {
    publicKey: Uint8Array.from(ecdh.getPublicKey()),
    sharedSecret(peerPublicKey) {
      try {
        return Uint8Array.from(ecdh.computeSecret(peerPublicKey));
      } catch {
        return null; // ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY: not a point on P-256
      }
    },
  };
}
