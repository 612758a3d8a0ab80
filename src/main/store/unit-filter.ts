import type { CredentialTiming, UnitFilter } from '../../shared/domain';
import type { CredentialScope } from '../../shared/credential-scope';
import { kioskGrantedSql } from './credential-scope';
import { guestMatch, unitGuestMatch, type GuestMatch } from './guest-search';
import { containing, escapeLike, searchText } from './like';

/** "Now" and the end of today in the community's zone, as ISO instants, for timing filters. */
export interface Today {
  now: string;
  todayEnd: string;
}

export const doorStatusSql = `CASE
  WHEN d.reported_version IS NULL THEN 'never_programmed'
  WHEN d.desired_version > d.reported_version THEN 'pending'
  ELSE 'in_sync' END`;

/** A live credential `c`'s timing, for a filter: each test stands alone. */
const timingSql: Record<CredentialTiming, string> = {
  active: '(c.starts_at IS NULL OR c.starts_at <= @now) AND (c.ends_at IS NULL OR c.ends_at > @now)',
  scheduled: 'c.starts_at > @now',
  expiring_today: 'c.ends_at > @now AND c.ends_at <= @todayEnd',
};

/**
 * A unit as the console names it, "South Tower 101", or shortened, "South 101", "S Tow 101":
 * words that each begin a word of the building's name, then the unit's number: that unit
 * alone where the building has it (not 1010 to 1019 too), else the units whose numbers begin
 * so ("South Tower 10"). Null when the text is not of that shape (one word, no digit at the end).
 */
function buildingAndNumber(search: string): { sql: string; params: Record<string, string> } | null {
  const words = search.split(/\s+/);
  const number = words.pop()!;
  if (!words.length || !/\d/.test(number)) return null;
  const params: Record<string, string> = { unitNumber: number, unitNumberStart: `${escapeLike(number)}%` };
  const nameTests = words.map((word, i) => {
    params[`buildingWord${i}`] = `% ${escapeLike(word)}%`;
    return `' ' || b.name LIKE @buildingWord${i} ESCAPE '\\'`;
  });
  const numberTest = `(u.number = @unitNumber OR (u.number LIKE @unitNumberStart ESCAPE '\\'
    AND NOT EXISTS (SELECT 1 FROM units x WHERE x.building_id = u.building_id AND x.number = @unitNumber)))`;
  return { sql: `(${numberTest} AND u.building_id IN (SELECT b.id FROM buildings b WHERE ${nameTests.join(' AND ')}))`, params };
}

/**
 * Which guests a search may find units by, for whom: the office, every live credential's guest;
 * a kiosk, only the guests of what a kiosk granted here (few: no trigram walk); maintenance,
 * none, so a phone number typed never tells which unit it belongs to.
 */
function guestsSearched(search: string, scope: CredentialScope): GuestMatch | null {
  if (scope === 'all') return unitGuestMatch(search);
  if (scope === 'no-phones') return null;
  const guests = guestMatch(search);
  return {
    sql: `u.id IN (SELECT c.unit_id FROM credentials c JOIN guests g ON g.id = c.guest_id WHERE ${kioskGrantedSql} AND c.ended_at IS NULL AND ${guests.sql})`,
    params: guests.params,
    trigram: false,
  };
}

/**
 * WHERE clause and parameters for the grid's filters and search box, over units `u` and
 * their unit doors `d`, as `scope` may search guests. Bulk grants use the same clause to pick their units.
 */
export function unitFilterSql(q: UnitFilter, today: Today, scope: CredentialScope = 'all'): { sql: string; params: Record<string, unknown>; trigram: boolean } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const filter = (sql: string, name: string, value: unknown): void => {
    if (value === undefined) return;
    parts.push(sql);
    params[name] = value;
  };
  filter('u.building_id = @buildingId', 'buildingId', q.buildingId);
  filter('u.floor_level = @floor', 'floor', q.floor);
  filter('d.lock_model_id = @lockModelId', 'lockModelId', q.lockModelId);
  filter(`${doorStatusSql} = @doorStatus`, 'doorStatus', q.doorStatus);
  if (q.credentialType || q.credentialTiming) {
    const tests = ['c.ended_at IS NULL'];
    if (q.credentialType) {
      tests.push('c.access_type = @credentialType');
      params.credentialType = q.credentialType;
    }
    if (q.credentialTiming) {
      tests.push(timingSql[q.credentialTiming]);
      Object.assign(params, today);
    }
    // Credentials ending today are few and credentials_ending finds them: collect their units
    // once (the unary + keeps SQLite walking the order's index, so a page stops after its
    // rows, rather than fetching every listed unit and sorting them). Any other test holds
    // for many credentials: look at each unit's own, through credentials_unit_live
    // (migration 2), rather than list tens of thousands of unit ids.
    parts.push(
      q.credentialTiming === 'expiring_today'
        ? `+u.id IN (SELECT c.unit_id FROM credentials c WHERE ${tests.join(' AND ')})`
        : `EXISTS (SELECT 1 FROM credentials c WHERE c.unit_id = u.id AND ${tests.join(' AND ')})`,
    );
  }
  const search = searchText(q.search);
  let trigram = false;
  if (search) {
    // A unit matches by its number, or by a guest who holds a live credential on it.
    const guests = guestsSearched(search, scope);
    Object.assign(params, guests?.params);
    trigram = guests?.trigram ?? false;
    params.text = containing(search);
    const named = buildingAndNumber(search);
    Object.assign(params, named?.params);
    parts.push(`(u.number LIKE @text ESCAPE '\\'${guests ? ` OR ${guests.sql}` : ''}${named ? ` OR ${named.sql}` : ''})`);
  }
  // `trigram`: the search lists its units from a trigram index before any unit is read.
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, trigram };
}
