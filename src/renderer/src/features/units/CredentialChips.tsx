import type { CredentialChip, CredentialTiming } from '../../../../shared/domain';
import { accessTypeLabel, credentialKindLabel, credentialKindShort } from '../../components/labels';
import '../../components/badges.css';

const timingText: Record<CredentialTiming, string | null> = {
  active: null,
  scheduled: 'scheduled',
  expiring_today: 'expiring today',
};

/** "2 permanent PIN codes, expiring today": the chip's full words, for its tooltip. */
function chipTitle(chip: CredentialChip): string {
  const kind = credentialKindLabel(chip.kind).toLowerCase().replace('pin', 'PIN');
  const timing = timingText[chip.timing];
  return `${chip.count} ${accessTypeLabel(chip.type).toLowerCase()} ${kind}${chip.count === 1 ? '' : 's'}${timing ? `, ${timing}` : ''}`;
}

/**
 * A unit's live credentials as compact chips, one per type, kind and timing, most
 * numerous first: "2 PIN permanent", "1 BLE temporary · expiring today". "None" when empty.
 */
export function CredentialChips({ chips }: { chips: readonly CredentialChip[] }) {
  if (chips.length === 0) return <span className="muted">None</span>;
  return (
    <span className="type-chips" title={chips.map(chipTitle).join('; ')}>
      {chips.map((chip) => {
        const timing = timingText[chip.timing];
        return (
          <span key={`${chip.type}-${chip.kind}-${chip.timing}`} className="type-chip" data-kind={chip.kind} data-timing={chip.timing}>
            <span className="type-chip__count">
              {chip.count} {credentialKindShort(chip.kind)}
            </span>{' '}
            {accessTypeLabel(chip.type).toLowerCase()}
            {timing && <span className="type-chip__timing"> · {timing}</span>}
          </span>
        );
      })}
    </span>
  );
}
