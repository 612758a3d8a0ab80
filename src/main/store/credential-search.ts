import { z } from 'zod';
import type { CredentialQuery, CredentialStatusFilter } from '../../shared/domain';
import type { CredentialScope } from '../../shared/credential-scope';
import { kioskGrantedSql } from './credential-scope';
import type { Db } from './database';
import { guestMatch } from './guest-search';
import { containing, searchText } from './like';
import { selectCredential, toRecord, type CredentialRecord, type CredentialRow } from './credentials-repo';

type Parsed = z.output<typeof CredentialQuery>;

/** The status filter as SQL over the stored instants; the same rules as credentialStatus. */
const statusSql: Record<CredentialStatusFilter, string> = {
  current: '(c.ended_at IS NULL AND (c.ends_at IS NULL OR c.ends_at > @now))',
  revoked: "c.end_reason IN ('revoked', 'reissued')",
  used: "c.end_reason = 'used'",
  expired: "(c.end_reason = 'expired' OR (c.ended_at IS NULL AND c.ends_at <= @now))",
  scheduled: '(c.ended_at IS NULL AND c.starts_at > @now)',
  active: '(c.ended_at IS NULL AND (c.starts_at IS NULL OR c.starts_at <= @now) AND (c.ends_at IS NULL OR c.ends_at > @now))',
};


/**
 * The SQL behind searchCredentials, exported for the query-plan tests: the count runs with
 * `params` (the filter's), the page with `pageParams` (the filter's, its limit and offset).
 */
export function credentialSearchSql(
  q: Parsed,
  now: Date,
  scope: CredentialScope = 'all',
): { total: string; page: string; params: Record<string, unknown>; pageParams: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = { now: now.toISOString() };
  if (scope === 'kiosk-granted') parts.push(kioskGrantedSql);
  if (q.unitId) {
    parts.push('c.unit_id = @unitId');
    params.unitId = q.unitId;
  }
  if (q.type) {
    parts.push('c.access_type = @type');
    params.type = q.type;
  }
  if (q.status) parts.push(statusSql[q.status]);
  const search = searchText(q.search);
  if (search) {
    const guests = guestMatch(search);
    Object.assign(params, guests.params);
    params.text = containing(search);
    parts.push(`(${guests.sql} OR u.number LIKE @text ESCAPE '\\')`);
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  // Every credential has its unit and guest (foreign keys): the count joins them only to search them.
  const joins = search ? 'JOIN units u ON u.id = c.unit_id JOIN guests g ON g.id = c.guest_id' : '';
  return {
    total: `SELECT count(*) FROM credentials c ${joins} ${where}`,
    // Newest first through migration 022's index: never a sort of the whole community.
    page: `${selectCredential} ${where} ORDER BY c.created_at DESC, c.id LIMIT @limit OFFSET @offset`,
    params,
    pageParams: { ...params, limit: q.limit, offset: q.offset },
  };
}

/** Credentials across the community for the Access page, newest first; a kiosk's scope counts and lists only its own. */
export function searchCredentials(db: Db, q: Parsed, now: Date, scope: CredentialScope = 'all'): { total: number; records: CredentialRecord[] } {
  const sql = credentialSearchSql(q, now, scope);
  const total = db.prepare<Record<string, unknown>, number>(sql.total).pluck().get(sql.params) ?? 0;
  const rows = db.prepare<Record<string, unknown>, CredentialRow>(sql.page).all(sql.pageParams);
  return { total, records: rows.map((r) => toRecord(db, r)) };
}
