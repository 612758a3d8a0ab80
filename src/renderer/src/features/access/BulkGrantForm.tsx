import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import type { BulkGrantRequest, BulkGrantResult, Community, VendorApproval } from '../../../../shared/domain';
import { useAskApproval, useBulkGrant } from '../../api/mutations';
import { useBulkTargetUnits } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { accessTypeLabel, credentialKindLabel } from '../../components/labels';
import { communityNow } from '../../components/wall-clock';
import { BulkTargetFields, targetFloor, toBulkTarget, type BulkTarget } from './BulkTargetFields';
import { formErrors } from './grant-form/form-errors';
import { grantFormFields, newGrantDraft, toGrantRequest } from './grant-form/grant-draft';
import { needsApproval, type GrantLimits } from './grant-form/grant-options';
import { askErrors } from '../approvals/ask-errors';
import { GrantFields } from './grant-form/GrantFields';
import { toScheduleRequest } from './grant-form/schedule-draft';
import { BulkCapacityWarning } from '../capacity/GrantCapacityWarning';
import { useBulkPreview } from '../../api/door-preview';
import { BulkDoorPreview, bulkRefusalId } from './grant-form/BulkDoorPreview';

export interface BulkGrantFormProps {
  community: Community;
  limits: GrantLimits;
  onCancel: () => void;
  onDone: (result: BulkGrantResult, what: string) => void;
  /** Leasing asked an admin to approve vendor access instead of granting it. */
  onAsked: (approval: VendorApproval) => void;
  /** Units already chosen elsewhere (the grid's selection): no building and floor fields then. */
  fixedTarget?: { target: BulkGrantRequest['target']; count: number; description: string };
}

const shownFields = [...grantFormFields, 'target'];

/**
 * A delivery or vendor credential on a floor or a whole building: the same fields as a
 * single grant; each unit's lock is checked by the core, and refused units are listed after.
 */
export function BulkGrantForm({ community, limits, onCancel, onDone, onAsked, fixedTarget }: BulkGrantFormProps) {
  const [target, setTarget] = useState<BulkTarget>({ buildingId: community.buildings[0]?.id ?? '', floor: 'all' });
  const [draft, setDraft] = useState(() =>
    newGrantDraft(limits, communityNow(community.timeZone), { type: 'delivery', audience: 'vendor' }),
  );
  // One id for this form: the core grants the run once however often it is sent.
  const [requestId] = useState(() => crypto.randomUUID());
  const units = useBulkTargetUnits(fixedTarget ? null : target.buildingId || null, targetFloor(target));
  const bulk = useBulkGrant();
  const ask = useAskApproval();
  const asking = needsApproval(limits, draft.guest.audience);
  const sent = asking ? ask : bulk;
  const errors = asking ? askErrors(ask.error, shownFields) : formErrors(bulk.error, shownFields);
  const [leaveOut, setLeaveOut] = useState(false);
  const bulkTarget = fixedTarget?.target ?? (target.buildingId ? toBulkTarget(target) : null);
  const schedule = toScheduleRequest(draft.schedule);
  const preview = useBulkPreview(bulkTarget, draft.kind, schedule);
  const cannotHold = schedule && !preview.isPlaceholderData ? (preview.data?.cannotHold.length ?? 0) : 0;
  // Units some door of which cannot hold it: Save waits until they are left out (the core refuses the job otherwise).
  const blocked = cannotHold > 0 && !leaveOut;
  const allUnits = fixedTarget ? fixedTarget.count : units.data?.total;
  const count = allUnits === undefined ? undefined : allUnits - (leaveOut ? cannotHold : 0);
  const what = `${accessTypeLabel(draft.schedule.type)} ${credentialKindLabel(draft.kind)} for ${draft.guest.name.trim()}`;

  const edited = () => sent.error && sent.reset();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = toGrantRequest(draft);
    if (!request) return;
    const unitsThatCannotHold = leaveOut ? 'leave_out' : 'refuse';
    const grant = { requestId, target: fixedTarget?.target ?? toBulkTarget(target), ...request, unitsThatCannotHold } as const;
    if (asking) ask.mutate({ scope: 'units', grant, reason: draft.approvalReason }, { onSuccess: onAsked });
    else bulk.mutate(grant, { onSuccess: (result) => onDone(result, what) });
  };

  return (
    <Form className="form" onSubmit={submit}>
      {fixedTarget ? (
        <fieldset className="form-section">
          <legend className="form-section__title">Units</legend>
          <p className="form-section__note">{fixedTarget.description}</p>
          {errors.at('target') && (
            <p className="field__error" role="alert">
              {errors.at('target')}
            </p>
          )}
        </fieldset>
      ) : (
      <BulkTargetFields
        community={community}
        value={target}
        onChange={(next) => {
          edited();
          setTarget(next);
        }}
        units={units.data?.rows}
        errorMessage={errors.at('target')}
      />
      )}
      <GrantFields
        limits={limits}
        timeZone={community.timeZone}
        draft={draft}
        onChange={(next) => {
          edited();
          setDraft(next);
        }}
        errors={errors}
      />
      {bulkTarget && schedule && (
        <BulkDoorPreview
          data={preview.data}
          error={preview.error}
          leaveOut={leaveOut}
          onLeaveOutChange={(next) => {
            edited();
            setLeaveOut(next);
          }}
        />
      )}
      <BulkCapacityWarning target={bulkTarget} kind={draft.kind} schedule={schedule} />
      {errors.general && <ErrorNotice error={sent.error} title={asking ? 'The request was not sent.' : 'Nothing was granted.'} />}
      <div className="form__actions">
        <Button className="button" onPress={onCancel}>
          Cancel
        </Button>
        <Button
          type="submit"
          className="button button--primary"
          isPending={sent.isPending}
          isDisabled={!count || blocked}
          aria-describedby={blocked ? bulkRefusalId : undefined}
        >
          {submitLabel(asking, sent.isPending, count)}
        </Button>
      </div>
    </Form>
  );
}

function submitLabel(asking: boolean, pending: boolean, count: number | undefined): string {
  const units = count ? `${count} ${count === 1 ? 'unit' : 'units'}` : null;
  if (asking) return pending ? 'Asking…' : units ? `Ask an admin for ${units}` : 'Ask an admin';
  return pending ? 'Granting…' : units ? `Grant to ${units}` : 'Grant';
}
