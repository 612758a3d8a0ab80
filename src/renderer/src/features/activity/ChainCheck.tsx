import type { ChainVerification } from '../../../../shared/domain';
import { checkedAgainstWords, findingWords, verificationTitle } from './chain-words';

interface Props {
  result: ChainVerification;
  /** When the check ran, in the community's time. */
  checkedAt: string;
}

/** The answer of 'Verify audit chain': a quiet confirmation, or a warning nobody can miss, in words. */
export function ChainCheck({ result, checkedAt }: Props) {
  const count = `${result.entries.toLocaleString()} ${result.entries === 1 ? 'entry' : 'entries'}`;
  const against = checkedAgainstWords(result).join(' ');
  if (result.intact)
    return (
      <div className="chain-check" data-tone="good">
        <strong className="chain-check__title">{verificationTitle(result)}</strong>
        <span>
          {count} checked at {checkedAt}: every entry matches its seal and the entry before it. {against}
        </span>
      </div>
    );
  return (
    <div role="alert" className="chain-check" data-tone="bad">
      <strong className="chain-check__title">{verificationTitle(result)}</strong>
      <ul className="chain-check__findings">
        {result.findings.map((f) => (
          <li key={`${f.kind}-${f.source}-${f.fromSeq}`}>{findingWords(f)}</li>
        ))}
      </ul>
      <span>
        {count} checked at {checkedAt}. {against} Tell the property manager before relying on this log.
      </span>
    </div>
  );
}
