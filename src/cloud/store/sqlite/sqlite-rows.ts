/*
 * SQLite keeps a JSON value as text, in a column named `<name>_json`, where PostgreSQL's json
 * column `<name>` answers it parsed. `decoded` turns a SQLite row into the row both stores
 * map to records (../rows.ts), so that mapping is written once.
 */

const jsonSuffix = '_json';

/** The row with each `<name>_json` column parsed into `<name>` (a NULL stays null). */
export function decoded<Row>(stored: unknown): Row {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(stored as Record<string, unknown>)) {
    if (column.endsWith(jsonSuffix)) row[column.slice(0, -jsonSuffix.length)] = typeof value === 'string' ? JSON.parse(value) : value;
    else row[column] = value;
  }
  return row as Row;
}

/** The row decoded, or null when the statement found none. */
export const decodedOrNull = <Row>(stored: unknown): Row | null => (stored === undefined ? null : decoded<Row>(stored));

/** Each of the rows decoded. */
export const allDecoded = <Row>(stored: unknown[]): Row[] => stored.map((r) => decoded<Row>(r));
