import type { ChainVerification } from '../../../../shared/domain';

interface Props {
  result: ChainVerification;
  /** When the check ran, in the community's time. */
  checkedAt: string;
}

/** The answer of 'Verify audit chain': a quiet confirmation, or a warning nobody can miss. */
export function ChainCheck({ result, checkedAt }: Props) {
  const count = `${result.entries.toLocaleString()} ${result.entries === 1 ? 'entry' : 'entries'}`;
  if (result.intact)
    return (
      <div className="chain-check" data-tone="good">
        <strong className="chain-check__title">Audit chain intact.</strong>
        <span>
          {count} checked at {checkedAt}: every entry matches its hash and the entry before it.
        </span>
      </div>
    );
  const broken = result.firstBrokenSeq;
  return (
    <div role="alert" className="chain-check" data-tone="bad">
      <strong className="chain-check__title">
        The audit log has been altered{broken !== null ? ` at entry #${broken}` : ''}.
      </strong>
      <span>
        {broken !== null ? `Entry #${broken} no longer matches its hash or the entry before it, so it and every later entry may not be what was recorded. ` : ''}
        {count} checked at {checkedAt}. Tell the property manager before relying on this log.
      </span>
    </div>
  );
}
