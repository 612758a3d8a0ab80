import { ByteReader, ByteWriter } from '../../framing/bytes';

/**
 * The Lock Info characteristic, read in the clear before any handshake: which protocol the
 * lock speaks, whether it is commissioned (which handshake to run), and who it is. The serial
 * is bound into the handshake's transcript, so a lock cannot claim another's.
 */
export interface LockInfo {
  protocolVersion: number;
  commissioned: boolean;
  serial: string;
  modelId: string;
  firmware: string;
}

const commissionedBit = 0x01;

export function encodeLockInfo(info: LockInfo): Uint8Array {
  return new ByteWriter()
    .u8(info.protocolVersion, 'protocol version')
    .u8(info.commissioned ? commissionedBit : 0, 'state')
    .text(info.serial, 'serial')
    .text(info.modelId, 'model id')
    .text(info.firmware, 'firmware')
    .finish();
}

/** Version first, alone: a lock of a later protocol must be told apart from a garbled one. */
export function decodeLockInfo(bytes: Uint8Array): { ok: true; info: LockInfo } | { ok: false; reason: string } {
  const reader = new ByteReader(bytes);
  const protocolVersion = reader.u8('protocol version');
  const state = reader.u8('state');
  if ((state & ~commissionedBit) !== 0) reader.fail(`unknown state bits 0x${state.toString(16)}`);
  const info = { protocolVersion, commissioned: (state & commissionedBit) !== 0, serial: reader.text('serial'), modelId: reader.text('model id'), firmware: reader.text('firmware') };
  const problem = reader.finish();
  return problem ? { ok: false, reason: problem } : { ok: true, info };
}
