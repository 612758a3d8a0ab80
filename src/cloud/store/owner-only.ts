import fs from 'node:fs';

/*
 * The cloud's files hold every console's grants, guests' phone numbers and door codes:
 * they are for the account running the cloud alone (files 0600, folders 0700), whatever the
 * umask, and files left wider are tightened when they are opened. The console keeps its
 * own copy (src/main/store/owner-only.ts): neither side may import the other, and shared
 * code may not touch the file system.
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
