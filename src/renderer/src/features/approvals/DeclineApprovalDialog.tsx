import { useState, type FormEvent } from 'react';
import { Button, DialogTrigger, Form } from 'react-aria-components';
import type { VendorApproval } from '../../../../shared/domain';
import { useDeclineVendorAccess } from '../../api/mutations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { ModalDialog } from '../../components/ModalDialog';
import { formErrors } from '../access/grant-form/form-errors';
import { ApprovalReasonField } from './ApprovalReasonField';

function DeclineForm({ approval, close }: { approval: VendorApproval; close: () => void }) {
  const [reason, setReason] = useState('');
  const decline = useDeclineVendorAccess();
  const errors = formErrors(decline.error, ['reason']);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    decline.mutate({ approvalId: approval.id, reason }, { onSuccess: close });
  };
  return (
    <Form className="form" onSubmit={submit}>
      <p className="dialog__text">
        {approval.requestedBy} asked for a {approval.what} for {approval.where}. Nothing is granted; {approval.requestedBy} reads your reason.
      </p>
      <ApprovalReasonField
        label="Reason"
        description={`Shown to ${approval.requestedBy}`}
        value={reason}
        onChange={(next) => {
          if (decline.error) decline.reset();
          setReason(next);
        }}
        errorMessage={errors.at('reason')}
        autoFocus
      />
      {errors.general && <ErrorNotice error={decline.error} title="The request was not declined." />}
      <FormActions onCancel={close} submit={decline.isPending ? 'Declining…' : 'Decline request'} pending={decline.isPending} />
    </Form>
  );
}

/** "Decline" on a pending request: the reason first, in a dialog. */
export function DeclineApprovalDialog({ approval, describedBy }: { approval: VendorApproval; describedBy: string }) {
  return (
    <DialogTrigger>
      <Button className="button" aria-describedby={describedBy}>
        Decline
      </Button>
      <ModalDialog title={`Decline ${approval.requestedBy}’s request?`}>{(close) => <DeclineForm approval={approval} close={close} />}</ModalDialog>
    </DialogTrigger>
  );
}
