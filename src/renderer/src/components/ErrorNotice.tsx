import type { ReactNode } from 'react';
import { errorMessage } from '../api/mutations';
import './notices.css';

interface Props {
  error: unknown;
  title?: ReactNode;
}

/** A failed command or query, said plainly and announced to screen readers. */
export function ErrorNotice({ error, title }: Props) {
  return (
    <div role="alert" className="notice" data-tone="bad">
      {title && <strong className="notice__title">{title}</strong>}
      <span>{errorMessage(error)}</span>
    </div>
  );
}
