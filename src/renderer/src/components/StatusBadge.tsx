import type { ReactNode } from 'react';
import './badges.css';

interface Props {
  tone: 'neutral' | 'good' | 'warn' | 'bad' | 'accent';
  children: ReactNode;
}

/** A small pill for a state word: Active, Revoked, Notification failed... */
export function StatusBadge({ tone, children }: Props) {
  return (
    <span className="badge" data-tone={tone}>
      {children}
    </span>
  );
}
