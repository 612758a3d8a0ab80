/*
 * Which PostgreSQL errors pass (the request answers 5xx and the console tries again) and
 * which would come back the same every time. SQLSTATE classes:
 * https://www.postgresql.org/docs/15/errcodes-appendix.html
 */

/** 08 connection, 53 resources, 57 operator intervention (shutdown), 58 system (I/O). */
const transientClasses = ['08', '53', '57', '58'];
/** Serialization failure, deadlock, lock not available. */
const transientCodes = ['40001', '40P01', '55P03'];
/** Node's socket errors on the way to the server. */
const networkCodes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND'];

export function isTransientPostgresError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(code)) return transientCodes.includes(code) || transientClasses.includes(code.slice(0, 2));
    if (networkCodes.includes(code)) return true;
  }
  // pg's own words for a connection that went away, a pool that timed out or was ended at shutdown.
  return /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client was closed/i.test(error.message);
}
