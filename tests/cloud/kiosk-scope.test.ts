import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantPayload, jordan, lobbyKiosk, programmedPayload, sam, cloudStores, startTestCloud, withoutTextStatus, type TestCloud, type TestConsole } from './helpers/test-cloud';

describe.each(cloudStores)('on %s', (store) => {
  let cloud: TestCloud;
  let office: TestConsole;
  let lobby: TestConsole;
  beforeEach(async () => {
    cloud = await startTestCloud({ store });
    office = await cloud.pair('Front desk');
    lobby = await cloud.pair('Lobby', { kiosk: true });
  });
  afterEach(async () => {
    await cloud.close();
  });

  /** A delivery code of next year for the common doors, as a kiosk grants one. */
  function deliveryCode(pinCode: string) {
    const year = new Date().getFullYear() + 1;
    return grantPayload({ pinCode, schedule: { type: 'delivery', starts: `${year}-03-01T09:00`, ends: `${year}-03-01T11:00` }, doors: [{ doorId: 'north-entrance', slot: 2 }, { doorId: 'package-room', slot: 2 }] });
  }

  /** The secret a change carries: a code, or a door's checksum. */
  const secretOf = (c: { payload: Record<string, unknown> }) => ('pinCode' in c.payload ? c.payload.pinCode : c.payload.checksum);

  /** GET /v1/changes as the raw text the console receives. */
  async function pulledText(console: TestConsole): Promise<string> {
    const res = await fetch(`${cloud.url}/v1/changes?after=0&limit=1000`, { headers: { authorization: `Bearer ${console.token}` } });
    return res.text();
  }

  describe('what a kiosk console pulls', () => {
    it('no code of a grant it did not make, in any change, nor a door’s checksum; its own codes, and everything for a console that programs doors', async () => {
      // The office grants a guest the unit door, the building entrance and the perimeter gate, then new dates.
      const officeCode = await office.leasedCode();
      const granted = grantPayload({ pinCode: officeCode });
      const reissueCode = await office.leasedCode();
      const reissued = { ...grantPayload({ pinCode: reissueCode, guest: granted.guest, doors: [{ doorId: 'door-north-702', slot: 2 }, { doorId: 'north-entrance', slot: 3 }, { doorId: 'garage-gate', slot: 2 }] }), replaces: granted.credentialId };
      await office.pushOk(office.mutation('credential.granted', granted, jordan), office.mutation('credential.reissued', reissued, jordan), office.mutation('door.programmed', programmedPayload(1), sam));
      // A new code the cloud once gave a guest (earlier clouds did, after a clash): in the log for good.
      await cloud.store.transaction((tx) =>
        tx.appendChange({ kind: 'credential.pin_changed', payload: { credentialId: reissued.credentialId, pinCode: '593024', at: new Date().toISOString() }, origin: 'cloud', mutationId: null, at: new Date().toISOString(), appliedAt: new Date().toISOString(), actor: null, audit: { action: 'credential.pin_changed', summary: 'The cloud gave a new code' } }),
      );
      // A Bluetooth pass opens doors as a code does.
      const pass = Buffer.alloc(16, 7).toString('base64url');
      const bluetooth = grantPayload({ kind: 'ble', pinCode: null, blePass: pass, unitId: 'north-703', doors: [{ doorId: 'door-north-703', slot: 1 }] });
      await office.pushOk(office.mutation('credential.granted', bluetooth, jordan));
      const kioskCode = await lobby.leasedCode();
      const own = deliveryCode(kioskCode);
      await lobby.pushOk(lobby.mutation('credential.granted', own, lobbyKiosk));

      const kioskText = await pulledText(lobby);
      for (const code of [officeCode, reissueCode, '593024', String(0x5eed0001), pass]) expect(kioskText).not.toContain(code);
      const seen = withoutTextStatus(await lobby.pullAll());
      expect(seen.map((c) => [c.kind, secretOf(c)])).toEqual([
        ['credential.granted', null],
        ['credential.reissued', null],
        ['door.programmed', null],
        ['credential.pin_changed', null],
        ['credential.granted', null],
        ['credential.granted', kioskCode],
      ]);
      expect(seen[4]!.payload).toMatchObject({ kind: 'ble', blePass: null });
      // Everything else about the office's grant is there: the kiosk shows it.
      expect(seen[0]!.payload).toMatchObject({ credentialId: granted.credentialId, kind: 'pin', guest: granted.guest, doors: granted.doors });

      // The office (and a maintenance console) pulls every code, the kiosk's included.
      const officeSeen = withoutTextStatus(await office.pullAll());
      expect(officeSeen.map(secretOf)).toEqual([officeCode, reissueCode, 0x5eed0001, '593024', null, kioskCode]);
      expect(officeSeen[4]!.payload).toMatchObject({ kind: 'ble', blePass: pass });
    });
  });
});
