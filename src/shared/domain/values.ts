/**
 * Plain values of the domain, free of zod: the schemas build on them, and the renderer's first
 * paint (the units grid, its search and sort) imports them from here without loading a schema
 * library.
 */

/** How long a search in any list may be; the search fields stop there. */
export const searchMaxLength = 100;

/** The columns the units grid sorts by (in the store). */
export const unitSortColumns = ['unit', 'building', 'floor', 'lockModel', 'credentialCount', 'doorStatus'] as const;

/** Under this a door's battery shows as low in the grid: the lock needs new batteries soon. */
export const doorLowBatteryPercent = 20;
