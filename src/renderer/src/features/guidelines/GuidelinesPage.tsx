import { useState } from 'react';
import { useCommunity } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { GuidelinesForm } from './GuidelinesForm';
import './guidelines.css';

/**
 * An admin's page for the community's guidelines: what staff and kiosks may grant, for how
 * long, and whether vendor access needs an admin's approval. Saved changes apply to grants from
 * now on, are audited, and reach the cloud and the other consoles with the next sync.
 */
export function GuidelinesPage() {
  const community = useCommunity();
  const [notice, setNotice] = useState('');
  return (
    <div className="stack-page guidelines-page">
      <div className="page-heading">
        <h2 className="page-heading__title">Guidelines</h2>
      </div>
      <p className="guidelines-page__intro">
        What staff may issue at {community.data?.name ?? 'this community'}. Changes apply to grants from now on; access already granted keeps
        its dates. Other consoles follow at their next sync.
      </p>
      <p role="status" className="guidelines-page__notice">
        {notice}
      </p>
      {community.error && <ErrorNotice error={community.error} title="Could not load the community’s guidelines." />}
      {community.data ? (
        <section className="card" aria-label="Guidelines">
          <GuidelinesForm
            key={JSON.stringify(community.data.guidelines)}
            community={community.data}
            onSaved={() => setNotice('Guidelines saved. Grants from now on follow them.')}
          />
        </section>
      ) : (
        !community.error && <LoadingState />
      )}
    </div>
  );
}
