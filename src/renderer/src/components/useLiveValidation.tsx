import { useContext, useEffect, useState, type ReactNode } from 'react';
import { FieldErrorContext } from 'react-aria-components';

/**
 * When a field's message follows what staff type. React Aria's native validation shows a
 * message when the value is committed (on submit, or on leaving a changed field) and keeps it
 * until the next commit: a field fixed by typing kept its message until staff left it, which
 * they do by pressing the submit button, so the message went between that press and its
 * release and the form shrank under the pointer: the first click did nothing.
 *
 * Until a message has been shown the field stays native (nothing said while typing, the form
 * not submitted while it is wrong); from then on its validity is controlled (`isInvalid`),
 * which React Aria applies at once: the message goes as soon as the value is right and comes
 * back if it goes wrong again.
 *
 * `problem`: what is wrong with the value now, or null (the field's `validate` gives the same);
 * `refusal`: the core's refusal for this field, shown whatever the value (the form clears it
 * on the next change). Place `watch` inside the field.
 */
export function useLiveValidation(problem: string | null, refusal?: string): { isInvalid: boolean | undefined; message: string | undefined; watch: ReactNode } {
  const [shown, setShown] = useState(false);
  let isInvalid: boolean | undefined;
  if (refusal) isInvalid = true;
  else if (shown) isInvalid = problem !== null;
  return {
    isInvalid,
    message: refusal ?? (shown ? (problem ?? undefined) : undefined),
    watch: <MessageShown onShown={setShown} />,
  };
}

/** Tells its field's hook once the field has shown a message (React Aria's FieldErrorContext). */
function MessageShown({ onShown }: { onShown: (shown: true) => void }) {
  const isInvalid = useContext(FieldErrorContext)?.isInvalid ?? false;
  useEffect(() => {
    if (isInvalid) onShown(true);
  }, [isInvalid, onShown]);
  return null;
}
