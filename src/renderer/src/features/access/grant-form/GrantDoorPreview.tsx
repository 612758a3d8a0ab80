import type { AccessPreview } from '../../../../../shared/domain';
import { DoorPreviewTable } from './DoorPreviewTable';

export const previewRefusalId = 'grant-door-preview-refusal';

/** The grant form's "What each door will hold", once the schedule is complete; a refusal of the schedule itself shows in the form. */
export function GrantDoorPreview({ data, error }: { data: AccessPreview | undefined; error: Error | null }) {
  if (!data && !error) return null;
  return (
    <section className="form-section door-preview" aria-label="What each door will hold">
      <h3 className="form-section__title">What each door will hold</h3>
      {error ? (
        <p className="door-preview__note">{error.message}</p>
      ) : (
        <>
          <DoorPreviewTable rows={data!.doors} />
          {data!.refusal && (
            <p className="door-preview__refusal" id={previewRefusalId} role="status">
              This cannot be granted: {data!.refusal}
            </p>
          )}
        </>
      )}
    </section>
  );
}
