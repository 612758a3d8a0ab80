/**
 * The renderer's CSP has no 'unsafe-eval'. Zod probes for eval with `new Function` when it
 * builds object schemas (for its compiled fast path), which trips a CSP violation report.
 * Zod reads its configuration from `globalThis.__zod_globalConfig` when it loads (what
 * `z.config()` writes to), so setting `jitless` there first makes every schema take the plain
 * path, wherever and whenever zod is loaded: without importing zod, which the first paint
 * does not load (the forms that validate with it load when opened). main.tsx imports this first.
 */
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

export {};
