import { useState } from 'react';
import { useCredentialList } from '../../api/queries';
import type { CredentialFilters } from '../../api/query-keys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { useDebouncedText } from '../../components/useDebouncedText';
import { useStableValue } from '../units/useStableValue';
import { CredentialsFilters, openingCredentialFilters, type CredentialFilterValues } from './CredentialsFilters';
import { CredentialsTable } from './CredentialsTable';
import { Pager } from './Pager';

const pageSize = 50;

function toQueryFilters(values: CredentialFilterValues, search: string): CredentialFilters {
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(values.status === 'any' ? {} : { status: values.status }),
    ...(values.type === 'any' ? {} : { type: values.type }),
  };
}

/** Everyone with access across the community, newest first, searched and filtered by the core, 50 a page. */
export function CredentialsSection() {
  const [values, setValues] = useState<CredentialFilterValues>(openingCredentialFilters);
  const [offset, setOffset] = useState(0);
  const search = useDebouncedText(values.search, 250);
  const filters = useStableValue(toQueryFilters(values, search));
  const list = useCredentialList(filters, offset, pageSize);
  const total = list.data?.total ?? 0;

  return (
    <section className="card credentials-section" aria-labelledby="credentials-heading">
      <div className="credentials-section__head">
        <h3 className="card__title" id="credentials-heading">
          Credentials
        </h3>
        <span className="muted" aria-live="polite">
          {list.data && !list.isPlaceholderData ? `${total.toLocaleString()} ${total === 1 ? 'credential' : 'credentials'}` : ''}
        </span>
      </div>
      <CredentialsFilters
        values={values}
        onChange={(next) => {
          setValues(next);
          setOffset(0);
        }}
      />
      {list.error && <ErrorNotice error={list.error} title="Could not load credentials." />}
      {list.isPending && <LoadingState />}
      {list.data && list.data.credentials.length === 0 && <p className="muted credentials-section__empty">No credentials match.</p>}
      {list.data && list.data.credentials.length > 0 && (
        <div className="credentials-section__table" aria-busy={list.isFetching}>
          <CredentialsTable credentials={list.data.credentials} caption="Credentials across the community" />
        </div>
      )}
      {list.data && total > pageSize && (
        <Pager offset={offset} pageSize={pageSize} total={total} onOffsetChange={setOffset} noun="credentials" />
      )}
    </section>
  );
}
