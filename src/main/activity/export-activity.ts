import { stringify } from 'csv-stringify/sync';
import type { ActivityExport, Community } from '../../shared/domain';
import { allAudit, auditHead, type AuditFilter } from '../store/audit-log';
import type { Db } from '../store/database';

/** The first cell of an export's closing line; `chainHeadLine` reads it back. */
export const chainHeadLabel = 'chain head';

/**
 * The audit log as CSV for investigators: one row an entry, times in UTC and in the
 * community's zone. Cells that a spreadsheet would run as a formula (a guest named
 * "=HYPERLINK(...)") are escaped. The closing line holds the whole log's head at export time
 * (seq and hash, whatever the filter): kept with the file, it shows later whether the log
 * was cut short or rewritten since ("Verify audit chain" takes it).
 */
export function exportActivity(db: Db, community: Community, filter: AuditFilter, now: Date): ActivityExport {
  const entries = allAudit(db, filter);
  const local = new Intl.DateTimeFormat('en-CA', {
    timeZone: community.timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  const rows = entries.map((e) => [e.seq, e.at, local.format(new Date(e.at)), e.actor, e.action, e.unitId ?? '', e.doorIds.join(' '), e.summary]);
  const head = auditHead(db);
  const closing = head ? [[chainHeadLabel, head.seq, head.hash, '', '', '', '', `The log's newest entry when exported: keep this line to check the log later`]] : [];
  const csv = stringify([['seq', 'at_utc', `at_local (${community.timeZone})`, 'actor', 'action', 'unit', 'doors', 'summary'], ...rows, ...closing], {
    escape_formulas: true,
  });
  const stamp = now.toISOString().slice(0, 10);
  return { fileName: `porter-activity-${community.id}-${stamp}.csv`, csv, rows: entries.length };
}
