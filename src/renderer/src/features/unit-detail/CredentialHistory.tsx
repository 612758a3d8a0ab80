import type { Credential } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';

/** Who granted it and when; when it was used, replaced with new dates, or revoked. */
export function CredentialHistory({ credential: c }: { credential: Credential }) {
  const time = useCommunityTime();
  const by = (who: string | null) => (who ? ` by ${who}` : '');
  return (
    <div className="credential__meta">
      <span>
        {c.reissuedFrom ? 'New dates set' : 'Granted'} {time.dateTime(c.createdAt)}
        {by(c.createdBy)}
      </span>
      {c.usedAt && <span>Used {time.dateTime(c.usedAt)}</span>}
      {c.codeHandOver && (
        <span>
          Code {c.codeHandOver.how === 'shown' ? 'shown' : 'printed'} for {c.codeHandOver.by} {time.dateTime(c.codeHandOver.at)}
        </span>
      )}
      {c.revokedAt && (
        <span>
          {c.reissuedAs ? 'Replaced with new dates' : 'Revoked'} {time.dateTime(c.revokedAt)}
          {by(c.revokedBy)}
        </span>
      )}
    </div>
  );
}
