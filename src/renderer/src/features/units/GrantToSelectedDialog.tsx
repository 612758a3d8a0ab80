import { useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import type { BulkGrantRequest, BulkGrantResult } from '../../../../shared/domain';
import { useCommunity } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { ModalDialog } from '../../components/ModalDialog';
import { BulkGrantForm } from '../access/BulkGrantForm';
import { BulkOutcome } from '../access/BulkOutcome';
import { useGrantLimits } from '../access/grant-form/useGrantLimits';
import '../access/access.css';

interface Props {
  target: BulkGrantRequest['target'];
  count: number;
  /** "3 units picked in the grid", "All 42 units matching the filters". */
  description: string;
  isDisabled?: boolean;
}

/** "Grant to selected…": the bulk grant form for the grid's selection, then the outcome per unit. */
export function GrantToSelectedDialog({ target, count, description, isDisabled }: Props) {
  return (
    <DialogTrigger>
      <Button className="button button--primary button--small" isDisabled={isDisabled}>
        Grant to selected…
      </Button>
      <ModalDialog title="Grant to selected units" size="wide">
        {(close) => <GrantToSelectedContent close={close} target={target} count={count} description={description} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function GrantToSelectedContent({ close, ...fixedTarget }: Omit<Props, 'isDisabled'> & { close: () => void }) {
  const community = useCommunity();
  const { limits, error } = useGrantLimits(null);
  const [outcome, setOutcome] = useState<{ result: BulkGrantResult; what: string } | null>(null);
  if (error) return <ErrorNotice error={error} title="Could not load the community." />;
  if (!community.data || !limits) return <LoadingState />;
  if (outcome) return <BulkOutcome result={outcome.result} what={outcome.what} onDone={close} />;
  return (
    <BulkGrantForm
      community={community.data}
      limits={limits}
      fixedTarget={fixedTarget}
      onCancel={close}
      onDone={(result, what) => setOutcome({ result, what })}
    />
  );
}
