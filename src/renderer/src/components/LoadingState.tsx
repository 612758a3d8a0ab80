import './notices.css';

/** A calm placeholder while a query loads; announced politely, never as an alert. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
