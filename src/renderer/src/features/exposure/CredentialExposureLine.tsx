import { credentialExposureWords } from '../../../../shared/domain';
import { useRevocationExposure } from '../../api/queries';
import { useCommunityTime } from '../../components/community-time';
import { useCan } from '../../components/permissions';
import { useNow } from '../hardware/useNow';

/**
 * On an ended credential: the doors that still hold it, since when ("Still opens 2 doors: Unit
 * 101 door since 3 h, North entrance since 3 h"), with the instant it ended in the community's
 * time. Nothing for a credential every door has dropped, nor for a role that may not see it.
 */
export function CredentialExposureLine({ unitId, credentialId }: { unitId: string; credentialId: string }) {
  const may = useCan('access.exposure') === true;
  const exposure = useRevocationExposure(unitId, may);
  const time = useCommunityTime();
  const now = useNow(60_000);
  const mine = exposure.data?.credentials.find((c) => c.credentialId === credentialId);
  if (!mine) return null;
  return (
    <p className="credential__line credential__exposure" role="note">
      <strong>{credentialExposureWords(mine, new Date(now).toISOString())}</strong>
      <span className="muted"> (ended <time dateTime={mine.endedAt}>{time.dateTime(mine.endedAt)}</time>; each door drops it when it is next programmed)</span>
    </p>
  );
}
