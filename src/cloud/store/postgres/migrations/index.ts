import { initial } from './001-initial';

/** Numbered, append-only: never edit a shipped migration, add the next number. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [{ version: 1, name: 'initial', sql: initial }];
