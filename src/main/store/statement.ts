import type Database from 'better-sqlite3';
import type { Db } from './database';

/** A statement's parameters: positional as a tuple (`[doorId: string]`), or named as one object. */
type Params = unknown[] | object;

/** better-sqlite3's statement, typed by its parameters and by the row (or, plucked, the value) it answers. */
export type Statement<P extends Params, R> = P extends unknown[] ? Database.Statement<P, R> : Database.Statement<[P], R>;

/** A statement declared once in a repository: call it with a database for its prepared statement. */
export interface Query<P extends Params, R> {
  (db: Db): Statement<P, R>;
  /** The SQL, for the query-plan tests. */
  readonly sql: string;
}

/**
 * Declares a statement a repository runs, typed by its parameters and its row, and prepared once
 * per database on first use, then reused: a bulk grant runs the same few statements ten thousand
 * times, and preparing one costs as much as running it. `pluck` answers the first column's value
 * instead of the row. SQL composed at call time (filters, sorts) uses `db.prepare<P, R>()` instead.
 */
export function statement<P extends Params = [], R = never>(sql: string, options: { pluck?: boolean } = {}): Query<P, R> {
  const prepared = new WeakMap<Db, Statement<P, R>>();
  const query = (db: Db): Statement<P, R> => {
    let s = prepared.get(db);
    if (!s) {
      // The same type as prepare's own; TypeScript cannot see through its deferred condition.
      s = db.prepare<P, R>(sql) as Statement<P, R>;
      if (options.pluck) s.pluck();
      prepared.set(db, s);
    }
    return s;
  };
  return Object.assign(query, { sql });
}

/*
 * Fixed plans for lookups run once per change of a pull (`door_id = +?` rather than `= ?`).
 * better-sqlite3's SQLite keeps sample rows of each index (sqlite_stat4, written by
 * `PRAGMA optimize`), and a statement comparing a bound parameter with a column of a
 * non-unique or partial index is then planned again for every new value bound, in case that
 * value picks another index: the parse and plan cost more than the lookup. A unary plus on the
 * parameter keeps the index in use (the plan is the same, tests/main/store/query-plans.test.ts)
 * but leaves the value out of planning, so the statement stays prepared. A lookup by a whole
 * primary key and nothing else is not planned again and needs none.
 */

/** A statement answering one value (the first column): `scalar<[unitId: string], string>(...)`. */
export function scalar<P extends Params = [], R = never>(sql: string): Query<P, R> {
  return statement<P, R>(sql, { pluck: true });
}

/**
 * Runs `body` as one transaction (a savepoint inside another), for work that is not a user
 * action (those go through runUserAction, which adds their audit and outbox entries).
 */
export function inTransaction<T>(db: Db, body: () => T): T {
  return db.transaction(body)();
}
