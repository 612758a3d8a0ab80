import { useRef, useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import type { StaffMember } from '../../../../shared/domain';
import { useSignIn } from '../../api/session';
import { StaffPicker } from './StaffPicker';
import '../../components/fields.css';

/** What is wrong, said next to the field it concerns; `form` for anything else. */
interface Problems {
  staffId?: string;
  passcode?: string;
  form?: string;
}

/** Name and passcode. A refusal from the core is shown where it belongs (its `field`). */
export function SignInForm({ staff }: { staff: readonly StaffMember[] }) {
  const signIn = useSignIn();
  const [staffId, setStaffId] = useState<string | null>(staff.length === 1 ? staff[0]!.id : null);
  const [passcode, setPasscode] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const passcodeInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const missing: Problems = {
      staffId: staffId ? undefined : 'Choose your name.',
      passcode: passcode ? undefined : 'Enter your passcode.',
    };
    if (!staffId || missing.passcode) {
      setProblems(missing);
      if (staffId) passcodeInput.current?.focus();
      return;
    }
    setProblems({});
    signIn.mutate(
      { staffId, passcode },
      {
        onError: (error) => {
          setPasscode('');
          if (error.field === 'passcode') {
            setProblems({ passcode: error.message });
            passcodeInput.current?.focus();
          } else if (error.field === 'staffId') setProblems({ staffId: error.message });
          else setProblems({ form: error.message });
        },
      },
    );
  };

  return (
    <Form className="form sign-in__form" validationBehavior="aria" onSubmit={submit} aria-label="Sign in">
      <StaffPicker
        staff={staff}
        value={staffId}
        error={problems.staffId}
        onChange={(id) => {
          setStaffId(id);
          setProblems({});
        }}
      />
      <TextField
        className="field"
        name="passcode"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        isRequired
        value={passcode}
        onChange={(value) => {
          setPasscode(value);
          if (problems.passcode || problems.form) setProblems({ staffId: problems.staffId });
        }}
        isInvalid={Boolean(problems.passcode)}
      >
        <Label className="field__label">Passcode</Label>
        <Input ref={passcodeInput} className="field__input sign-in__passcode" />
        <FieldError className="field__error">
          <span role="alert">{problems.passcode}</span>
        </FieldError>
      </TextField>
      {problems.form && (
        <p role="alert" className="field__error">
          {problems.form}
        </p>
      )}
      <Button type="submit" className="button button--primary sign-in__submit" isPending={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </Form>
  );
}
