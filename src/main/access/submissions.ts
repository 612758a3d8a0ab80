import type { StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { Db } from '../store/database';
import { findSubmission, type Submission } from '../store/submissions-repo';

/**
 * What an earlier submission with this request id made, or null when this one is new: a
 * double click, a second Enter or a retry after a dropped connection is answered with the
 * first's outcome instead of granting (and texting) again. An id that another staff member
 * or another command used is refused, not answered: its outcome is not theirs to see.
 */
export function earlierSubmission(db: Db, requestId: string | undefined, command: Submission['command'], actor: StaffMember): Submission | null {
  if (!requestId) return null;
  const earlier = findSubmission(db, requestId);
  if (!earlier) return null;
  if (earlier.command !== command || earlier.staffId !== actor.id)
    throw new PorterError('conflict', 'This form was already sent for something else. Close it and start again.', 'requestId');
  return earlier;
}
