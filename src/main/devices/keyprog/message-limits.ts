import { MAX_PAYLOAD } from '../framing/constants';

/**
 * The largest MSG payload the transport carries, either way (docs/protocols/key-programmer.md,
 * the framing part). Every command here stays under it; STAGE_PUT batches by it.
 */
export const maxPayloadBytes = MAX_PAYLOAD;

/** The application protocol this console speaks; IDENTIFY_PROGRAMMER reports the programmer's. */
export const appProtocolVersion = 1;

/** SET_CLOCK carries at most this many upcoming zone transitions (four years of US DST). */
export const maxClockTransitions = 8;
