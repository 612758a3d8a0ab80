import { useHardwareOverview } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { LockModelsTable } from './LockModelsTable';
import { PendingDoorsTable } from './PendingDoorsTable';
import '../../components/tables.css';

/** What a maintenance technician plans a round with: models in service and doors waiting. */
export function HardwarePage() {
  const overview = useHardwareOverview();
  return (
    <div className="stack-page">
      <div className="page-heading">
        <h2 className="page-heading__title">Hardware</h2>
      </div>
      {overview.isPending && <LoadingState />}
      {overview.error && <ErrorNotice error={overview.error} title="Could not load the hardware overview." />}
      {overview.data && (
        <>
          <section className="card" aria-label="Lock models">
            <LockModelsTable models={overview.data.models} />
          </section>
          <section className="card" aria-label="Pending doors">
            <PendingDoorsTable doors={overview.data.pendingDoors} />
          </section>
        </>
      )}
    </div>
  );
}
