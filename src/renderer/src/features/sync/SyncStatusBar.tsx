import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { SyncStatus } from '../../../../shared/domain';
import { assertNever } from '../../../../shared/errors';
import { errorMessage, useSyncNow } from '../../api/mutations';
import { useSession, useSyncStatus } from '../../api/queries';
import { useCommunityTime, type CommunityTime } from '../../components/community-time';
import { useCan } from '../../components/permissions';
import { SyncSetupDialog } from './SyncSetupDialog';
import './sync.css';

/** "3 changes waiting", "1 change waiting", "no changes waiting". */
function waitingText(pending: number): string {
  if (pending === 0) return 'no changes waiting';
  return `${pending.toLocaleString()} ${pending === 1 ? 'change' : 'changes'} waiting`;
}

/**
 * "3 changes wait for Jordan Lee to sign in while the cloud is reachable": the cloud takes a
 * staff member's changes only with the proof an online sign-in makes possible.
 */
export function waitingForSignInText(w: SyncStatus['waitingFor'][number]): string {
  return `${w.changes.toLocaleString()} ${w.changes === 1 ? 'change waits' : 'changes wait'} for ${w.name} to sign in while the cloud is reachable`;
}

/**
 * A time that moves on every round ("last sync", "next try"). Inside the polite status region
 * it is kept quiet (aria-live off), so a screen reader hears the state change, not every tick.
 */
function Quiet({ children }: { children: ReactNode }) {
  return <span aria-live="off">{children}</span>;
}

interface Line {
  headline: string;
  details: ReactNode[];
}

/** The status bar's words: the state first, then what staff may want to know about it. */
function describe(status: SyncStatus, time: CommunityTime): Line {
  const waiting = <span key="waiting">{waitingText(status.pending)}</span>;
  const forSignIn = status.waitingFor.map((w) => <span key={`sign-in-${w.staffId}`}>{waitingForSignInText(w)}</span>);
  const nextTry = status.nextTryAt && (
    <Quiet key="next">
      next try <time dateTime={status.nextTryAt}>{time.recentTime(status.nextTryAt)}</time>
    </Quiet>
  );
  switch (status.state) {
    case 'not_set_up':
      return { headline: 'Not connected to a cloud', details: [] };
    case 'online':
      return {
        headline: 'Online',
        details: [
          status.lastSyncAt && (
            <Quiet key="last">
              last sync <time dateTime={status.lastSyncAt}>{time.recentTime(status.lastSyncAt)}</time>
            </Quiet>
          ),
          // Online, the outbox empties within seconds: only a backlog is worth a word.
          status.pending > 0 && waiting,
          ...forSignIn,
        ].filter(Boolean),
      };
    case 'offline':
      // The core keeps no "offline since": the last round that reached the cloud is when it began.
      // The core tries again every few seconds: a clock time for the next try says less than this.
      return {
        headline: status.lastSyncAt ? `Offline since ${time.recentTime(status.lastSyncAt)}` : 'Offline',
        details: [<Quiet key="reconnecting">reconnecting…</Quiet>, waiting, ...forSignIn].filter(Boolean),
      };
    case 'error':
      return {
        headline: `Sync problem: ${status.lastError ?? 'the cloud refused this console.'}`,
        details: [waiting, nextTry].filter(Boolean),
      };
    default:
      return assertNever(status.state, 'sync state');
  }
}

/**
 * The bottom line of the shell: where this console stands with the cloud. A polite status
 * region, so a change of state is announced without taking focus. Refreshed by the core's
 * 'sync' events and every 30 s.
 */
export function SyncStatusBar() {
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  // A training console is never paired (the core refuses): say so instead of offering setup.
  const training = useSession().data?.training === true;
  const mayRunSetup = useCan('sync.setUp') === true && !training;
  const time = useCommunityTime();
  const data = status.data;
  const line = training
    ? { headline: 'Training mode: this console is never paired with a cloud', details: ['what is done here stays on this computer'] }
    : data
      ? describe(data, time)
      : null;
  const isSetUp = data !== undefined && data.state !== 'not_set_up';

  return (
    <div role="status" aria-label="Cloud sync" className="sync-bar" data-state={data?.state ?? 'unknown'}>
      <span className="sync-bar__dot" aria-hidden="true" />
      {line ? (
        // Keyed by state: a new state replaces the line, so it is announced whole.
        <span key={data?.state} className="sync-bar__line">
          <span className="sync-bar__headline" title={line.headline}>
            {line.headline}
          </span>
          {line.details.map((detail, i) => (
            <span key={i} className="sync-bar__detail">
              <span className="sync-bar__sep" aria-hidden="true">
                ·
              </span>
              {detail}
            </span>
          ))}
        </span>
      ) : (
        <span className="sync-bar__line sync-bar__line--quiet">
          {status.error ? `Cloud sync status unavailable: ${errorMessage(status.error)}` : 'Checking cloud sync…'}
        </span>
      )}
      <span className="sync-bar__actions">
        {syncNow.error && <span className="sync-bar__error">Sync now failed: {errorMessage(syncNow.error)}</span>}
        {isSetUp && (
          <Button
            className="button button--small"
            onPress={() => syncNow.mutate({})}
            isPending={syncNow.isPending}
          >
            {syncNow.isPending ? 'Syncing…' : 'Sync now'}
          </Button>
        )}
        {mayRunSetup && data && <SyncSetupDialog status={data} />}
      </span>
    </div>
  );
}
