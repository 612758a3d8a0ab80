import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCloudArgs } from '../../src/cloud/cli-options';
import { runCloudCli, UsageError } from '../../src/cloud/cli';
import { silentLog } from '../../src/cloud/cloud-log';
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
      communityFile: '/srv/porter/resources/demo/community.json',
      texts: 'file',
      pair: null,
    });
  });

  it('reads PORTER_CLOUD_DATA_DIR, and the flags over it', () => {
    expect(parseCloudArgs([], { PORTER_CLOUD_DATA_DIR: '/var/lib/porter' }).dataDir).toBe('/var/lib/porter');
    const options = parseCloudArgs(['--data-dir', 'here', '--port', '8080', '--texts', 'twilio', '--pair', 'Lobby', '--kiosk', '--community', 'c.json'], { PORTER_CLOUD_DATA_DIR: '/var/lib/porter' }, '/srv');
    expect(options).toMatchObject({ dataDir: '/srv/here', port: 8080, texts: 'twilio', pair: { name: 'Lobby', kiosk: true }, communityFile: '/srv/c.json' });
  });

  it('refuses what does not make sense', () => {
    for (const argv of [['--port', 'x'], ['--texts', 'carrier-pigeon'], ['--kiosk'], ['--pair', ' '], ['--nope']]) expect(() => parseCloudArgs(argv, {}), argv.join(' ')).toThrow();
  });
});

describe('npm run cloud: running', () => {
  it('--pair prints a single-use code and exits; then the server prints its URL and pairs a console with it', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const lines: string[] = [];
    expect(await runCloudCli(['--data-dir', dataDir, '--pair', 'Front desk'], {}, (l) => lines.push(l), silentLog)).toBeNull();
    expect(lines[0]).toMatch(/^Pairing code for "Front desk": [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
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

  it('says what is missing for Twilio, and what is wrong on the command line', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await expect(runCloudCli(['--data-dir', dataDir, '--port', '0', '--texts', 'twilio'], { TWILIO_BASE_URL: 'http://127.0.0.1:9' }, () => {}, silentLog)).rejects.toThrow(
      '--texts twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM in the environment.',
    );
    await expect(runCloudCli(['--port', 'many'], {}, () => {}, silentLog)).rejects.toBeInstanceOf(UsageError);
  });
});
