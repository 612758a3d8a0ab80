import { config } from 'zod';

/**
 * The renderer's CSP has no 'unsafe-eval'. Zod probes for eval with `new Function` when it
 * builds object schemas (for its compiled fast path), which trips a CSP violation report.
 * Import this before anything that builds schemas (the contract) to use the plain path.
 */
config({ jitless: true });
