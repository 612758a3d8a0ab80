import { ZWaveError, ZWaveErrorCodes, type ZWaveNode } from 'zwave-js';

/**
 * How long a command to a lock may wait in the driver's queue and on the air before it is
 * withdrawn (zwave-js's `expire` option). A lock that hears the frame but never answers (or a
 * queue held up behind such a lock) would otherwise keep the door's job, and every job behind
 * it, waiting; withdrawn, the job fails and the live queue tries again with backoff.
 */
export const lockCommandExpiryMs = 2 * 60_000;

type CCApis = ZWaveNode['commandClasses'];
/** The command classes Porter sends a lock commands of. */
type LockCC = 'User Code' | 'Schedule Entry Lock' | 'Time Parameters';

/** The node's API for one command class, every command it sends carrying the expiry. */
export function lockApi<K extends LockCC>(node: ZWaveNode, cc: K): CCApis[K] {
  const api: CCApis[LockCC] = node.commandClasses[cc];
  return api.withOptions({ expire: lockCommandExpiryMs }) as CCApis[K];
}

/** The words for a command the lock never answered (withdrawn at its expiry). */
export const notAnsweringWords = `The lock is not answering: a command waited ${lockCommandExpiryMs / 60_000} minutes unanswered and was withdrawn`;

export const isNotAnswering = (error: unknown): boolean => error instanceof ZWaveError && error.code === ZWaveErrorCodes.Controller_MessageExpired;

/** A withdrawn command ends the job in plain words (the lock is not answering); anything else is the caller's. */
export function throwIfNotAnswering(error: unknown): void {
  if (isNotAnswering(error)) throw new Error(notAnsweringWords);
}
