import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { PendingDoor, Programmer } from '../../../../shared/domain';
import { errorMessage, useProgramDoor, useReadDoorAudit, useResumeJob, useSetDoorClock } from '../../api/mutations';
import { StatusBadge } from '../../components/StatusBadge';
import { AssignLockDialog } from './AssignLockDialog';
import { AttachedDoorFacts } from './AttachedDoorFacts';
import { programmerTitle } from './hardware-labels';
import { JobView } from './JobView';
import { ReaderConfigDialog } from './ReaderConfigDialog';

interface Props {
  programmer: Programmer;
  /** Two programmers of one model: their cards are told apart by serial. */
  nameWithSerial: boolean;
  /** Marked in the door picker of "Assign to door…". */
  pendingDoors: readonly PendingDoor[];
}

/** Why no job can start through this programmer now, in the technician's words; null when one can. */
function blockedReason(p: Programmer): string | null {
  if (p.state === 'busy') return 'A job is running on this programmer. Wait for it to finish.';
  if (p.state === 'error') return p.message ?? 'The programmer is not answering. Unplug it and plug it in again.';
  if (!p.door) return 'No door is on the programmer’s cable. Connect the cable to the lock or reader.';
  if (!p.door.door) return 'This lock is not assigned to a door yet: assign it first.';
  return null;
}

const stateLabel = { ready: 'Ready', busy: 'Busy', error: 'Not ready' } as const;
const stateTone = { ready: 'good', busy: 'accent', error: 'bad' } as const;

type JobAction = 'program' | 'readAudit' | 'setClock';
const failedTitle: Record<JobAction | 'resume', string> = {
  program: 'Programming did not start.',
  readAudit: 'Reading the audit trail did not start.',
  setClock: 'Setting the clock did not start.',
  resume: 'The job did not resume.',
};

/**
 * One key-programmer: what it is, the door on its cable, what can be done, and the job running
 * on it, else the latest job of the door on its cable (with Resume when that one stopped short).
 */
export function ProgrammerCard({ programmer: p, nameWithSerial, pendingDoors }: Props) {
  const title = programmerTitle(p, nameWithSerial);
  const reasonId = useId();
  const program = useProgramDoor();
  const readAudit = useReadDoorAudit();
  const setClock = useSetDoorClock();
  const resume = useResumeJob();
  const actions = { program, readAudit, setClock };
  const [last, setLast] = useState<JobAction | null>(null);
  const starting = program.isPending || readAudit.isPending || setClock.isPending || resume.isPending;
  const blocked = blockedReason(p);
  const input = { programmerId: p.id };

  const start = (action: JobAction) => {
    for (const m of [program, readAudit, setClock, resume]) m.reset();
    setLast(action);
    actions[action].mutate(input);
  };
  const failed = last ? actions[last].error : null;

  const job = p.job;
  // A job that stopped is the door on the cable's own: only a programmer not ready blocks Resume.
  const resumeBlocked = p.state === 'ready' ? null : blocked;
  const resumeReasonId = `${reasonId}-resume`;

  const jobButton = (action: JobAction, label: string, primary = false) => (
    <Button
      className={primary ? 'button button--primary' : 'button'}
      isDisabled={Boolean(blocked) || starting}
      isPending={actions[action].isPending}
      aria-describedby={blocked ? reasonId : undefined}
      onPress={() => start(action)}
    >
      {label}
    </Button>
  );

  return (
    <section className="card programmer" aria-label={title} data-state={p.state}>
      <header className="programmer__head">
        <h4 className="programmer__title">
          Key-programmer {nameWithSerial && p.serial ? `${p.name} ${p.serial}` : p.name}
        </h4>
        {p.simulated && <StatusBadge tone="accent">Simulated</StatusBadge>}
        <StatusBadge tone={stateTone[p.state]}>{stateLabel[p.state]}</StatusBadge>
        <span className="programmer__ids">
          {p.serial && <>Serial {p.serial}</>}
          {p.serial && p.firmware && ' · '}
          {p.firmware && <>Firmware {p.firmware}</>}
        </span>
      </header>
      {p.state === 'error' && p.message && <p className="programmer__message">{p.message}</p>}

      <div className="programmer__body">
        <div className="programmer__door" role="group" aria-label="Door on the cable">
          <h5 className="programmer__subtitle">Door on the cable</h5>
          {p.door ? (
            <AttachedDoorFacts door={p.door} round={pendingDoors.find((d) => d.id === p.door?.door?.id)} />
          ) : (
            <p className="muted programmer__empty">Nothing on the cable. Connect the programmer’s cable to a lock or reader.</p>
          )}

          <div className="programmer__actions" role="group" aria-label="Actions">
            {jobButton('program', 'Program door', true)}
            {jobButton('readAudit', 'Read audit trail')}
            {jobButton('setClock', 'Set clock')}
            {p.door?.kind === 'reader' && p.door.door && (
              <ReaderConfigDialog programmer={p} isDisabled={Boolean(blocked) || starting} describedBy={blocked ? reasonId : undefined} />
            )}
            {p.door && !p.door.door && (
              <AssignLockDialog programmer={p} lock={p.door} pendingDoors={pendingDoors} isDisabled={p.state !== 'ready' || starting} />
            )}
          </div>
          {blocked && (
            <p id={reasonId} className="programmer__reason">
              {blocked}
            </p>
          )}
          {failed && (
            <div role="alert" className="notice programmer__error">
              <strong className="notice__title">{last && failedTitle[last]}</strong>
              <span>{errorMessage(failed)}</span>
            </div>
          )}
        </div>

        <div className="programmer__job" role="group" aria-label="Job">
          {job ? (
            <JobView
              job={job}
              heading={job.status === 'running' ? 'Running now' : 'Last job on this door'}
              resume={
                job.kind === 'configure_reader' ? (
                  <span>Write the configuration again with Configure reader….</span>
                ) : (
                  <div className="job__resume">
                    <Button
                      className="button button--primary"
                      isDisabled={Boolean(resumeBlocked) || starting}
                      isPending={resume.isPending}
                      aria-describedby={resumeBlocked ? resumeReasonId : undefined}
                      onPress={() => {
                        for (const m of [program, readAudit, setClock]) m.reset();
                        setLast(null);
                        resume.mutate(input);
                      }}
                    >
                      Resume
                    </Button>
                    {resumeBlocked && (
                      <span id={resumeReasonId} className="job__resume-reason">
                        {resumeBlocked}
                      </span>
                    )}
                    {resume.error && (
                      <span role="alert" className="job__resume-error">
                        {failedTitle.resume} {errorMessage(resume.error)}
                      </span>
                    )}
                  </div>
                )
              }
            />
          ) : (
            <p className="muted programmer__empty">{p.door?.door ? 'No job on record for this door yet.' : 'No job yet.'}</p>
          )}
        </div>
      </div>
    </section>
  );
}
