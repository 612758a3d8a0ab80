import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mutationKinds, refusalCodes } from '../../src/shared/sync';
import { ChangeFeed } from '../../src/cloud/sync/change-feed';
import { cloudRoutes } from '../../src/cloud/routes';
import type { CloudStore } from '../../src/cloud/store/cloud-store';
import { defaultGuestLinks } from '../../src/cloud/texts/guest-text';

/** The docs are the other engineers' contract: they must name what the code serves. */
const markdown = fs.readFileSync('docs/sync-api.md', 'utf8');
const openapi = fs.readFileSync('docs/sync-api.openapi.yaml', 'utf8');
const routes = cloudRoutes({ store: {} as CloudStore, now: () => new Date(), links: defaultGuestLinks, textsQueued: () => {}, feed: new ChangeFeed() });

describe('docs/sync-api.md and docs/sync-api.openapi.yaml', () => {
  it('name every endpoint and method the cloud serves, and no other', () => {
    const documented = [...openapi.matchAll(/^ {2}(\/v1\/\S+):$/gm)].map((m) => m[1]!);
    expect([...documented].sort()).toEqual(Object.keys(routes).sort());
    for (const [path, methods] of Object.entries(routes)) {
      const start = openapi.indexOf(`  ${path}:\n`);
      const next = documented.map((p) => openapi.indexOf(`  ${p}:\n`)).filter((i) => i > start);
      const block = openapi.slice(start, next.length ? Math.min(...next) : openapi.indexOf('\ncomponents:'));
      const blockMethods = [...block.matchAll(/^ {4}(get|post|put|patch|delete):$/gm)].map((m) => m[1]!.toUpperCase());
      expect(blockMethods.sort(), path).toEqual(Object.keys(methods).sort());
      for (const method of Object.keys(methods)) expect(markdown, `${method} ${path}`).toContain(`${method} ${path}`);
    }
  });

  it('name every mutation kind, every rejection code and every fix', () => {
    for (const kind of mutationKinds) expect(markdown, kind).toContain(`\`${kind}\``);
    for (const fix of ['pin_assigned', 'slots_moved']) {
      expect(markdown, fix).toContain(`\`${fix}\``);
      expect(openapi, fix).toContain(`const: ${fix}`);
    }
    for (const code of [...refusalCodes, 'pin_taken']) {
      expect(markdown, code).toContain(`\`${code}\``);
      expect(openapi, code).toContain(code);
    }
  });
});
