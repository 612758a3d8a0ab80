import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/shared/contract';

// The preload electron-vite built (npm test builds before it runs vitest). A sandboxed window
// loads all of it on every start, so it carries the contract's names, not its schemas.
const built = path.resolve('out/preload/index.cjs');

describe('the built preload', () => {
  it('exists: run `npx electron-vite build` first', () => {
    expect(fs.existsSync(built)).toBe(true);
  });

  it('bundles no zod', () => {
    const code = fs.readFileSync(built, 'utf8');
    // zod 4 names its internals $ZodType, _zod and ZodError; any of them means zod came along.
    expect(code).not.toMatch(/\$Zod|_zod|ZodError|from ["']zod["']|require\(["']zod["']\)/);
  });

  it('carries every command name of the contract', () => {
    const code = fs.readFileSync(built, 'utf8');
    for (const name of Object.keys(commands)) expect(code).toContain(`"${name}"`);
  });
});
