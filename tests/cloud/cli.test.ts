import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCloudArgs } from '../../src/cloud/cli-options';
import { runCloudCli, UsageError } from '../../src/cloud/cli';
import { silentLog } from '../../src/cloud/cloud-log';
import { freePort } from '../helpers/postgres-server';
import { freshPostgresDatabase, type TestDatabase } from '../helpers/postgres-database';
import { tempDir } from './helpers/test-cloud';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run cloud: options', () => {
  it('defaults to port 5280, 127.0.0.1, ./.cloud-data, the demo community and file texts', () => {
    expect(parseCloudArgs([], {}, '/srv/porter')).toEqual({
      port: 5280,
      host: '127.0.0.1',
      dataDir: '/srv/porter/.cloud-data',
      databaseUrl: null,
      communityFile: '/srv/porter/resources/demo/community.json',
      texts: 'file',
      linkBase: null,
      textClaimMs: null,
      pair: null,
      communityAdd: null,
      operatorToken: null,
    });
  });

  it('reads --text-claim in seconds, and refuses a claim shorter than a second or not a number', () => {
    expect(parseCloudArgs(['--text-claim', '90'], {}).textClaimMs).toBe(90_000);
    expect(() => parseCloudArgs(['--text-claim', '0'], {})).toThrow('--text-claim must be a number of seconds from 1 to 86400, not 0.');
    expect(() => parseCloudArgs(['--text-claim', 'soon'], {})).toThrow('--text-claim must be a number of seconds from 1 to 86400, not soon.');
  });

  it('reads PORTER_CLOUD_DATA_DIR, and the flags over it', () => {
    expect(parseCloudArgs([], { PORTER_CLOUD_DATA_DIR: '/var/lib/porter' }).dataDir).toBe('/var/lib/porter');
    const options = parseCloudArgs(['--data-dir', 'here', '--port', '8080', '--texts', 'twilio', '--link-base', 'https://access.riverside.com', '--pair', 'Lobby', '--kiosk', '--community', 'harbor-point', '--seed', 'c.json'], { PORTER_CLOUD_DATA_DIR: '/var/lib/porter' }, '/srv');
    expect(options).toMatchObject({ dataDir: '/srv/here', port: 8080, texts: 'twilio', pair: { name: 'Lobby', kiosk: true, communityId: 'harbor-point' }, communityFile: '/srv/c.json' });
    expect(parseCloudArgs(['--community-add', 'harbor.json'], {}, '/srv').communityAdd).toBe('/srv/harbor.json');
    expect(parseCloudArgs(['--operator-token-file', 'op.token'], { PORTER_CLOUD_OPERATOR_TOKEN: 'x' }, '/srv').operatorToken).toEqual({ file: '/srv/op.token' });
    expect(parseCloudArgs([], { PORTER_CLOUD_OPERATOR_TOKEN: 'from-env' }).operatorToken).toEqual({ value: 'from-env' });
  });

  it('--link-base or PORTER_CLOUD_LINK_BASE names where guests’ links point; real texts refuse to go out without one, or with a placeholder', () => {
    expect(parseCloudArgs(['--link-base', 'https://access.riverside.com/'], {}).linkBase).toBe('https://access.riverside.com');
    expect(parseCloudArgs([], { PORTER_CLOUD_LINK_BASE: 'https://porter.riverside.com/guests' }).linkBase).toBe('https://porter.riverside.com/guests');
    expect(() => parseCloudArgs(['--texts', 'twilio'], {})).toThrow("--texts twilio sends real texts: name the public address of the guests' links with --link-base <url> (or PORTER_CLOUD_LINK_BASE).");
    expect(() => parseCloudArgs(['--texts', 'twilio', '--link-base', 'https://porter.example'], {})).toThrow('https://porter.example is a placeholder no guest can open');
    expect(() => parseCloudArgs(['--texts', 'twilio', '--link-base', 'https://example.com'], {})).toThrow('is a placeholder');
    expect(() => parseCloudArgs(['--link-base', 'http://access.riverside.com'], {})).toThrow('--link-base must be an https address');
    expect(() => parseCloudArgs(['--link-base', 'access.riverside.com'], {})).toThrow('that is not an address');
    expect(() => parseCloudArgs(['--link-base', 'https://access.riverside.com/?ref=text'], {})).toThrow('without a query, fragment or password');
  });

  it('refuses what does not make sense', () => {
    for (const argv of [['--port', 'x'], ['--texts', 'carrier-pigeon'], ['--kiosk'], ['--pair', ' '], ['--nope'], ['--community', 'harbor-point'], ['--pair', 'Desk', '--community', ' '], ['--community-add', 'a.json', '--pair', 'Desk']]) expect(() => parseCloudArgs(argv, {}), argv.join(' ')).toThrow();
  });

  it('--store or PORTER_CLOUD_DATABASE_URL picks PostgreSQL, the flag over the variable; a URL of another kind is refused, saying what is wanted', () => {
    expect(parseCloudArgs(['--store', 'postgres://porter:pw@db.internal:5432/porter'], {}).databaseUrl).toBe('postgres://porter:pw@db.internal:5432/porter');
    expect(parseCloudArgs([], { PORTER_CLOUD_DATABASE_URL: 'postgresql://db/porter' }).databaseUrl).toBe('postgresql://db/porter');
    expect(parseCloudArgs(['--store', 'postgres://a/one'], { PORTER_CLOUD_DATABASE_URL: 'postgres://b/two' }).databaseUrl).toBe('postgres://a/one');
    expect(parseCloudArgs([], { PORTER_CLOUD_DATABASE_URL: '' }).databaseUrl).toBeNull();
    expect(() => parseCloudArgs(['--store', 'mysql://db/porter'], {})).toThrow('--store must be a PostgreSQL URL (postgres://…), not mysql://…');
    expect(() => parseCloudArgs(['--store', 'db.internal'], {})).toThrow('--store must be a PostgreSQL URL, e.g. postgres://porter:secret@db.internal:5432/porter; that is not a URL.');
    expect(() => parseCloudArgs(['--store', 'postgres://'], {})).toThrow("--store needs the database's host");
  });
});

describe('npm run cloud: running', () => {
  it('--pair prints a single-use code and exits; then the server prints its URL and pairs a console with it', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const lines: string[] = [];
    expect(await runCloudCli(['--data-dir', dataDir, '--pair', 'Front desk'], {}, (l) => lines.push(l), silentLog)).toBeNull();
    expect(lines[0]).toMatch(/^Pairing code for "Front desk" in Riverside Commons \(riverside-commons\): [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(lines[1]).toMatch(/^Single use, valid until \d{4}-/);
    const running = await runCloudCli(['--data-dir', dataDir, '--port', '0'], {}, (l) => lines.push(l), silentLog);
    try {
      expect(lines[2]).toBe(`Porter cloud: ${running!.url}`);
      expect(running!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${running!.url}/v1/consoles`, { method: 'POST', body: JSON.stringify({ pairingCode: lines[0]!.split(': ')[1], name: 'Front desk', kiosk: false }) });
      expect(res.status).toBe(201);
    } finally {
      await running!.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'cloud.sqlite'))).toBe(true);
  });

  it('--community-add prints the new community’s id; --pair then needs --community, and pairs a console into that community', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const file = path.join(dataDir, 'harbor.json');
    const demo = JSON.parse(fs.readFileSync('resources/demo/community.json', 'utf8')) as { community: Record<string, unknown> };
    fs.writeFileSync(file, JSON.stringify({ ...demo, community: { ...demo.community, id: 'harbor-point', name: 'Harbor Point' } }));
    const lines: string[] = [];
    const say = (l: string) => lines.push(l);
    // A first start seeds the demo community; then the operator adds theirs.
    await runCloudCli(['--data-dir', dataDir, '--pair', 'Riverside desk'], {}, say, silentLog);
    expect(await runCloudCli(['--data-dir', dataDir, '--community-add', file], {}, say, silentLog)).toBeNull();
    expect(lines.at(-2)).toBe('Added community "Harbor Point": harbor-point');
    await expect(runCloudCli(['--data-dir', dataDir, '--community-add', file], {}, say, silentLog)).rejects.toThrow('The cloud already holds a community with id "harbor-point"');
    await expect(runCloudCli(['--data-dir', dataDir, '--pair', 'Harbor desk'], {}, say, silentLog)).rejects.toThrow('This cloud holds 2 communities (harbor-point, riverside-commons): say which with --community <id>.');
    await expect(runCloudCli(['--data-dir', dataDir, '--pair', 'Harbor desk', '--community', 'nowhere'], {}, say, silentLog)).rejects.toThrow('This cloud holds no community "nowhere"');
    await runCloudCli(['--data-dir', dataDir, '--pair', 'Harbor desk', '--community', 'harbor-point'], {}, say, silentLog);
    const code = lines.find((l) => l.startsWith('Pairing code for "Harbor desk" in Harbor Point (harbor-point): '))!.split(': ')[1];
    const running = await runCloudCli(['--data-dir', dataDir, '--port', '0'], {}, say, silentLog);
    try {
      const res = await fetch(`${running!.url}/v1/consoles`, { method: 'POST', body: JSON.stringify({ pairingCode: code, name: 'Harbor desk', kiosk: false }) });
      expect(await res.json()).toMatchObject({ community: { id: 'harbor-point', name: 'Harbor Point' } });
    } finally {
      await running!.stop();
    }
  });

  it('an operator token too short to keep guessers out stops the start, saying why', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await expect(runCloudCli(['--data-dir', dataDir, '--port', '0'], { PORTER_CLOUD_OPERATOR_TOKEN: 'letmein' }, () => undefined, silentLog)).rejects.toThrow('The operator token must be at least 32 characters');
  });

  it('says what is missing for Twilio, and what is wrong on the command line', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await expect(runCloudCli(['--data-dir', dataDir, '--port', '0', '--texts', 'twilio', '--link-base', 'https://access.riverside.com'], { TWILIO_BASE_URL: 'http://127.0.0.1:9' }, () => {}, silentLog)).rejects.toThrow(
      '--texts twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM in the environment.',
    );
    await expect(runCloudCli(['--port', 'many'], {}, () => {}, silentLog)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('npm run cloud on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.drop();
  });

  it('--store: --pair prints a code into the database, and a server on the same database pairs a console with it', async () => {
    const db = await freshPostgresDatabase();
    databases.push(db);
    const dataDir = tempDir();
    dirs.push(dataDir);
    const lines: string[] = [];
    expect(await runCloudCli(['--store', db.url, '--data-dir', dataDir, '--pair', 'Front desk'], {}, (l) => lines.push(l), silentLog)).toBeNull();
    const running = await runCloudCli(['--data-dir', dataDir, '--port', '0'], { PORTER_CLOUD_DATABASE_URL: db.url }, (l) => lines.push(l), silentLog);
    try {
      const res = await fetch(`${running!.url}/v1/consoles`, { method: 'POST', body: JSON.stringify({ pairingCode: lines[0]!.split(': ')[1], name: 'Front desk', kiosk: false }) });
      expect(res.status).toBe(201);
    } finally {
      await running!.stop();
    }
    // Nothing went to SQLite: the data folder holds no store of its own.
    expect(fs.existsSync(path.join(dataDir, 'cloud.sqlite'))).toBe(false);
  });

  it('a database the server does not have is refused with the server’s own words', async () => {
    const db = await freshPostgresDatabase();
    databases.push(db);
    const missing = new URL(db.url);
    missing.pathname = '/porter_missing';
    const dataDir = tempDir();
    dirs.push(dataDir);
    await expect(runCloudCli(['--store', missing.toString(), '--port', '0', '--data-dir', dataDir], {}, () => {}, silentLog)).rejects.toThrow(
      /^Cannot use the PostgreSQL database at 127\.0\.0\.1:\d+\/porter_missing: database "porter_missing" does not exist\.$/,
    );
  });

  it('a database that does not answer is one sentence naming where it was looked for, without its password and without a stack', async () => {
    const url = `postgres://porter:hunter2@127.0.0.1:${await freePort()}/porter`;
    const dataDir = tempDir();
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cloud/main.ts', '--store', url, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Porter cloud could not start: Cannot use the PostgreSQL database at 127\.0\.0\.1:\d+\/porter: nothing answers there \(connection refused\); is PostgreSQL running, on that port\?$/);
    expect(stderr).not.toContain('hunter2');
  });
});
