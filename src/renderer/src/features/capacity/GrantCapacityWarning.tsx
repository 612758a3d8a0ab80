import type { BulkGrantRequest, CredentialKind, ScheduleRequest } from '../../../../shared/domain';
import { useBulkGrantCapacity, useGrantCapacity } from '../../api/capacity';
import { CapacityWarnings } from './CapacityWarnings';

/** The grant form's capacity warning, once the schedule is complete. A refusal of the schedule itself shows in the form. */
export function GrantCapacityWarning({ unitId, kind, schedule }: { unitId: string; kind: CredentialKind; schedule: ScheduleRequest | null }) {
  const { data } = useGrantCapacity(unitId, kind, schedule);
  return schedule ? <CapacityWarnings warnings={data} what="this grant" /> : null;
}

/** The bulk form's capacity warning: a slot per unit on every door the units share. */
export function BulkCapacityWarning({ target, kind, schedule }: { target: BulkGrantRequest['target'] | null; kind: CredentialKind; schedule: ScheduleRequest | null }) {
  const { data } = useBulkGrantCapacity(target, kind, schedule);
  return target && schedule ? <CapacityWarnings warnings={data} what="this bulk grant" /> : null;
}
