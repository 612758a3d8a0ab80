import type { Community, Guidelines, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import { setGuidelines } from '../store/community-repo';
import type { Db } from '../store/database';
import { amenityDoorIds } from '../store/doors-repo';
import { runUserAction } from '../store/user-action';
import { describeGuidelineChanges } from './guideline-changes';


/**
 * An admin changes the community's guidelines. They apply to grants from now on; credentials
 * already issued keep the rules they were issued under.
 */
export function updateGuidelines(db: Db, community: Community, actor: StaffMember, next: Guidelines, at: string): Community {
  const amenities = new Set(amenityDoorIds(db));
  const unknown = next.amenityDoorIds.filter((id) => !amenities.has(id));
  if (unknown.length) throw new PorterError('invalid_input', `Choose amenity doors of ${community.name} only: ${unknown.length === 1 ? 'one door chosen is not one' : `${unknown.length} doors chosen are not`}.`, 'amenityDoorIds');
  const changes = describeGuidelineChanges(community.guidelines, next);
  if (changes.length === 0) return community;
  runUserAction(db, () => {
    setGuidelines(db, community.id, next);
    return {
      result: undefined,
      record: {
        audit: { at, actor: actor.name, action: 'community.guidelines_changed', subjectId: community.id, summary: `Changed the guidelines: ${changes.join('; ')}`, details: { before: community.guidelines, after: next } },
        mutation: { kind: 'community.guidelines_changed', payload: { communityId: community.id, guidelines: next, at }, actor },
      },
    };
  });
  return { ...community, guidelines: next };
}
