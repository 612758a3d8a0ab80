import { useSession, useSyncStatus } from '../api/queries';

/** Why a queued text has not gone out yet; null while the cloud is reachable (it is on its way). */
export type TextWait = 'training' | 'unpaired' | 'offline';

/** Texts are sent by the cloud, never by a console: a queued one waits for this console's link to it. */
export function useTextWait(): TextWait | null {
  const training = useSession().data?.training ?? false;
  const sync = useSyncStatus().data;
  if (training) return 'training';
  if (!sync || sync.state === 'online') return null;
  return sync.state === 'not_set_up' ? 'unpaired' : 'offline';
}

/** What a queued text waits for, in words that follow "The text is …" (a unit's panel). */
export const textWaitWords: Record<TextWait, string> = {
  training: 'not sent: a training console has no cloud to text from',
  unpaired: 'waiting until this console is paired with the cloud, which sends the texts',
  offline: 'waiting until this console syncs with the cloud again',
};

/** The same, short enough for a table cell (the Access list). */
export const textWaitShortWords: Record<TextWait, string> = {
  training: 'Not sent in training',
  unpaired: 'Sent once paired with the cloud',
  offline: 'Sent at the next sync',
};
