import { HID_REPORT_SIZE } from '../link';

/**
 * Packet geometry of the key-programmer's transport, after CTAPHID (FIDO CTAP 2.1 §11.2.4).
 * Init packet: CID(4) CMD(1) BCNTH(1) BCNTL(1) DATA(57).
 * Continuation packet: CID(4) SEQ(1) DATA(59).
 */
export const REPORT_SIZE = HID_REPORT_SIZE;
export const CHANNEL_ID_SIZE = 4;
export const INIT_HEADER_SIZE = CHANNEL_ID_SIZE + 3;
export const CONTINUATION_HEADER_SIZE = CHANNEL_ID_SIZE + 1;
export const INIT_DATA_SIZE = REPORT_SIZE - INIT_HEADER_SIZE; // 57
export const CONTINUATION_DATA_SIZE = REPORT_SIZE - CONTINUATION_HEADER_SIZE; // 59
/** SEQ runs 0x00..0x7f: bit 7 is what tells an init packet (CMD) from a continuation. */
export const MAX_SEQUENCE = 0x7f;
export const MAX_CONTINUATION_PACKETS = MAX_SEQUENCE + 1;
/** The most message data (payload and CRC) one init and 128 continuations can carry. */
export const MAX_MESSAGE_DATA = INIT_DATA_SIZE + MAX_CONTINUATION_PACKETS * CONTINUATION_DATA_SIZE; // 7609
export const CRC_SIZE = 4;
export const MAX_PAYLOAD = MAX_MESSAGE_DATA - CRC_SIZE; // 7605
/** INIT on this channel asks the device for a channel of one's own. */
export const BROADCAST_CHANNEL = 0xffffffff;
/** Channel 0 is reserved and never allocated. */
export const RESERVED_CHANNEL = 0;
/** Bit 7 of byte 4 marks an init packet. */
export const INIT_PACKET_FLAG = 0x80;
