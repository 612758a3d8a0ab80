import { Button } from 'react-aria-components';
import type { BluetoothOverview, BluetoothRound } from '../../../../shared/domain';
import { errorMessage, useStartBluetoothRound, useStopBluetoothRound } from '../../api/mutations';
import { useCommunityTime } from '../../components/community-time';
import { StatusBadge } from '../../components/StatusBadge';
import { inRound, roundDone, roundStatusLabel, roundSummary } from './bluetooth-labels';

interface Props {
  data: BluetoothOverview;
  /** The sentence saying why no job can start now (the dongle), when one can't. */
  blockedId: string | undefined;
}

/**
 * The round: every pending door in range programmed one after another by the core. While it
 * runs, each door's state and a Stop button; once over, one summary line and the doors that
 * did not make it, with why.
 */
export function BluetoothRoundPanel({ data, blockedId }: Props) {
  const start = useStartBluetoothRound();
  const stop = useStopBluetoothRound();
  const round = data.round;
  const running = round?.status === 'running';
  // The core's round takes pending doors in range, less any lock busy with a job now.
  const pending = data.locks.filter((l) => inRound(l) && !l.busy).length;
  const notScanning = data.state !== 'scanning';
  return (
    <div className="bt-round">
      <div className="bt-round__bar">
        <Button
          className="button button--small button--primary"
          isDisabled={pending === 0 || running || notScanning || stop.isPending}
          isPending={start.isPending}
          aria-describedby={notScanning ? blockedId : undefined}
          onPress={() => {
            stop.reset();
            start.mutate({});
          }}
        >
          Program all pending in range ({pending.toLocaleString()})
        </Button>
        {running && (
          <Button className="button button--small" isPending={stop.isPending} onPress={() => stop.mutate({})}>
            Stop after this door
          </Button>
        )}
        {!running && pending === 0 && data.locks.length > 0 && <span className="muted">Every door in range is in sync.</span>}
        {(start.error || stop.error) && (
          <span role="alert" className="bt-round__error">
            {start.error ? 'The round did not start.' : 'The round did not stop.'} {errorMessage(start.error ?? stop.error)}
          </span>
        )}
      </div>
      {round && <RoundProgress round={round} />}
    </div>
  );
}

function RoundProgress({ round }: { round: BluetoothRound }) {
  const time = useCommunityTime();
  const running = round.status === 'running';
  const doors = running ? round.doors : round.doors.filter((d) => d.status !== 'succeeded');
  const allProgrammed = round.status === 'finished' && doors.length === 0;
  return (
    <div className="bt-round__progress" role="group" aria-label="Round" data-status={round.status}>
      <p className="bt-round__head">
        <strong>{running ? 'Round running' : round.status === 'stopped' ? 'Round stopped' : 'Round finished'}</strong>
        <span className="bt-round__count">
          {roundDone(round).toLocaleString()} of {round.doors.length.toLocaleString()} doors done
        </span>
        <span className="muted">
          · started by {round.startedBy}, <time dateTime={round.startedAt}>{time.recentTime(round.startedAt)}</time>
        </span>
      </p>
      <p role="status" className="bt-round__summary" data-outcome={running ? undefined : allProgrammed ? 'good' : 'warn'}>
        {running ? '' : roundSummary(round)}
      </p>
      {doors.length > 0 && (
        <ol className="bt-round__doors" aria-label="Doors of the round">
          {doors.map((d) => (
            <li key={d.lockId} className="bt-round__door" data-status={d.status}>
              <span className="status-mark bt-round__mark" data-status={d.status} aria-hidden="true" />
              <span className="bt-round__name">{d.door.name}</span>
              <StatusBadge tone={roundTone(d.status)}>{roundStatusLabel(d.status)}</StatusBadge>
              {d.detail && <span className="bt-round__detail">{d.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function roundTone(status: BluetoothRound['doors'][number]['status']): 'neutral' | 'accent' | 'good' | 'bad' | 'warn' {
  return status === 'running'
    ? 'accent'
    : status === 'succeeded'
      ? 'good'
      : status === 'failed'
        ? 'bad'
        : status === 'interrupted'
          ? 'warn'
          : 'neutral';
}
