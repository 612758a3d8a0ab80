import fs from 'node:fs';

/*
 * The store holds guests' names, phone numbers and door codes: its files are for the
 * account running Porter alone (files 0600, folders 0700), whatever the umask, and files
 * an older version left wider are tightened when the store opens. The cloud keeps its own
 * copy of these two functions (src/cloud/store/owner-only.ts): neither side may import the
 * other, and shared code may not touch the file system.
 */

/** Creates the folder (and any missing parent) for the owner only, and tightens it if it exists. */
export function ownerOnlyFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Tightens a file to its owner; with `create`, makes it empty first if it is missing. */
export function ownerOnlyFile(file: string, options: { create?: boolean } = {}): void {
  if (options.create) fs.closeSync(fs.openSync(file, 'a', 0o600));
  else if (!fs.existsSync(file)) return;
  fs.chmodSync(file, 0o600);
}
