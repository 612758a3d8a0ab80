import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import type { BulkGrantResult, VendorApproval } from '../../../../shared/domain';
import { useCommunity } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { ModalDialog } from '../../components/ModalDialog';
import { BulkGrantForm, type BulkGrantFormProps } from './BulkGrantForm';
import { BulkOutcome } from './BulkOutcome';
import { useGrantLimits } from './grant-form/useGrantLimits';
import { ApprovalAsked } from '../approvals/ApprovalAsked';

/** "Bulk grant": the form, then the outcome per unit in the same dialog. */
export function BulkGrantDialog() {
  return (
    <DialogTrigger>
      <Button className="button">Bulk grant</Button>
      <ModalDialog title="Bulk grant" size="wide">
        {(close) => <BulkGrantContent close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

/**
 * The bulk grant form, then its outcome per unit, in the same dialog. The Access page lets
 * staff pick the units; the units grid passes its selection as `fixedTarget`.
 */
export function BulkGrantContent({ close, fixedTarget }: { close: () => void; fixedTarget?: BulkGrantFormProps['fixedTarget'] }) {
  const community = useCommunity();
  const { limits, error } = useGrantLimits(null);
  const [outcome, setOutcome] = useState<{ result: BulkGrantResult; what: string } | null>(null);
  const [asked, setAsked] = useState<VendorApproval | null>(null);
  if (error) return <ErrorNotice error={error} title="Could not load the community." />;
  if (!community.data || !limits) return <LoadingState />;
  if (outcome) return <BulkOutcome result={outcome.result} what={outcome.what} onDone={close} />;
  if (asked) return <ApprovalAsked approval={asked} onDone={close} />;
  return (
    <>
      {!fixedTarget && (
        <p className="dialog__text">
          For a delivery or a vendor visiting many units. A vendor gets one code or pass, and one text, for the whole visit; a
          delivery gets one per unit. Each unit’s lock is checked; units that cannot take it are listed after.
        </p>
      )}
      <BulkGrantForm
        community={community.data}
        limits={limits}
        fixedTarget={fixedTarget}
        onCancel={close}
        onDone={(result, what) => setOutcome({ result, what })}
        onAsked={setAsked}
      />
    </>
  );
}
