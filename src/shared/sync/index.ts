/*
 * The sync protocol between a console and the cloud (docs/sync-api.md), one schema for both
 * sides: the console writes and reads with it, the cloud reads and answers with it, and
 * tests/cloud/api-docs.test.ts holds docs/sync-api.openapi.yaml to it.
 */
export * from './actor';
export * from './anchors';
export * from './changes';
export * from './consoles';
export * from './leases';
export * from './mutation-payloads';
export * from './push';
