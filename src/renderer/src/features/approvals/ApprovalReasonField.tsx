import { TextInputField } from '../../components/TextInputField';

/** The limit the core holds a reason to (VendorApprovalRequest's and ApprovalDecline's). */
export const reasonMaxLength = 300;

interface Props {
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  label?: string;
  description?: string;
  autoFocus?: boolean;
}

/** Why: the reason an admin reads before approving, or the requester reads after a decline. */
export function ApprovalReasonField({ value, onChange, errorMessage, label = 'Reason for the admin', description = 'An admin approves vendor access before it is granted and texted.', autoFocus }: Props) {
  return (
    <TextInputField
      label={label}
      name="reason"
      value={value}
      onChange={onChange}
      isRequired
      autoFocus={autoFocus}
      maxLength={reasonMaxLength}
      autoComplete="off"
      requiredMessage="Say why, in a few words."
      description={description}
      errorMessage={errorMessage}
    />
  );
}
