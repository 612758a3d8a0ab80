import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../../src/main/core-types';
import { writeCursor } from '../../../src/main/store/sync-state-repo';
import type { CommandInput, CommandName } from '../../../src/shared/contract';
import type { VendorApproval } from '../../../src/shared/domain';
import { cloudStores, readTexts, startTestCloud, type TestCloud } from '../../cloud/helpers/test-cloud';
import { setUpSync } from '../../helpers/cloud-pairing';
import { call, comboUnit, demoPasscodes, linkedFetch, memorySecrets, openTestConsole, signIn, type TestConsole } from '../../helpers/test-console';

/*
 * A front desk console where leasing (Jordan) asks, a back office console where the admin
 * (Avery) decides: the request and the decision travel through the cloud. Each console also
 * has a second window, so Avery can approve at the front desk too.
 */
let cloud: TestCloud | undefined;
const consoles: TestConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
  await cloud?.close();
  cloud = undefined;
});

const vendor = { name: 'Dana Whitfield', phone: '(312) 555-0188', company: 'Brightway Cleaning' };
const vendorPhone = '+13125550188';
const day = (d: Date) => d.toISOString().slice(0, 10);
const inTwoDays = new Date(Date.now() + 2 * 24 * 3600_000);
const schedule = { type: 'temporary', starts: `${day(inTwoDays)}T08:00`, ends: `${day(inTwoDays)}T17:00` } as const;

interface Office {
  console: TestConsole;
  link: { online: boolean };
  /** A window where Avery (admin) is signed in; the core's own connection is `staffId`'s. */
  admin: Connection;
}

async function pairedConsole(name: string, staffId: string): Promise<Office> {
  const link = { online: true };
  const c = openTestConsole(undefined, { secrets: memorySecrets(), syncFetch: linkedFetch(link) });
  consoles.push(c);
  expect((await setUpSync(c, cloud!, name)).state).toBe('online');
  await signIn(c, staffId);
  const admin = c.core.connect('admin-window');
  const signedIn = await admin.dispatch('staff.signIn', { staffId: 'avery', passcode: demoPasscodes.avery! });
  expect(signedIn.ok).toBe(true);
  return { console: c, link, admin };
}

async function asAdmin<C extends CommandName>(o: Office, command: C, input: CommandInput<C>): Promise<unknown> {
  const answer = await o.admin.dispatch(command, input);
  if (!answer.ok) throw new Error(`${command}: ${answer.error.message}`);
  return answer.value;
}

const sync = (...offices: Office[]) => offices.reduce(async (done, o) => (await done, void (await call(o.console, 'sync.now', {}))), Promise.resolve());
const ask = (o: Office, reason = 'Deep clean before move-in') =>
  call(o.console, 'approvals.request', { scope: 'unit', grant: { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule }, reason });
const adminList = async (o: Office) => (await asAdmin(o, 'approvals.list', {})) as VendorApproval[];
/** Dana's credentials on a console: id, code, and how each ended. */
const danaOn = (o: Office) =>
  o.console.db.prepare("SELECT c.id, c.pin_code AS pin, c.end_reason AS ended FROM credentials c JOIN guests g ON g.id = c.guest_id WHERE g.name = 'Dana Whitfield' ORDER BY c.id").all() as {
    id: string;
    pin: string | null;
    ended: string | null;
  }[];
const approvalRow = (o: Office, id: string) => o.console.db.prepare('SELECT state, decided_by, decided_at, decline_reason, outcome FROM vendor_approvals WHERE id = ?').get(id);

describe.each(cloudStores)('vendor approvals between consoles, through the cloud on %s', (store) => {
  it('leasing asks at the front desk; the admin in the back office approves; the grant and the decision reach the front desk', async () => {
    cloud = await startTestCloud({ store });
    const desk = await pairedConsole('Front desk', 'jordan');
    const office = await pairedConsole('Back office', 'avery');
    const asked = await ask(desk);
    await sync(desk, office);
    expect(await adminList(office)).toMatchObject([{ id: asked.id, state: 'pending', requestedBy: 'Jordan Lee', where: 'North Tower 204', reason: 'Deep clean before move-in', phone: asked.phone }]);

    const approved = (await asAdmin(office, 'approvals.approve', { approvalId: asked.id })) as VendorApproval;
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'Avery Brooks', outcome: 'Granted' });
    await sync(office, desk);
    expect(await call(desk.console, 'approvals.list', {})).toMatchObject([{ id: asked.id, state: 'approved', decidedBy: 'Avery Brooks', decidedAt: approved.decidedAt, outcome: 'Granted' }]);
    const [granted] = danaOn(office);
    expect(danaOn(desk)).toEqual([{ id: granted!.id, pin: granted!.pin, ended: null }]);
    // The request and the decision stay audited where they were made.
    const actions = (o: Office) => o.console.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'access.approval_%'").pluck().all();
    expect(actions(desk)).toEqual(['access.approval_requested']);
    expect(actions(office)).toEqual(['access.approval_approved']);

    // Pulled again from the start, nothing changes: not the request, not its decision, not the log.
    const before = { row: approvalRow(desk, asked.id), log: desk.console.db.prepare('SELECT count(*) FROM audit_log').pluck().get() };
    writeCursor(desk.console.db, 0);
    writeCursor(office.console.db, 0);
    await sync(desk, office);
    expect(approvalRow(desk, asked.id)).toEqual(before.row);
    expect(desk.console.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before.log);
    expect(await adminList(office)).toHaveLength(1);
    expect(danaOn(desk)).toHaveLength(1);
  });

  it('a decline with its reason reaches the front desk, and nothing is granted anywhere', async () => {
    cloud = await startTestCloud({ store });
    const desk = await pairedConsole('Front desk', 'jordan');
    const office = await pairedConsole('Back office', 'avery');
    const asked = await ask(desk);
    await sync(desk, office);
    await asAdmin(office, 'approvals.decline', { approvalId: asked.id, reason: 'Use the building’s own cleaners' });
    await sync(office, desk);
    expect(await call(desk.console, 'approvals.list', {})).toMatchObject([{ id: asked.id, state: 'declined', decidedBy: 'Avery Brooks', declineReason: 'Use the building’s own cleaners' }]);
    expect([...danaOn(desk), ...danaOn(office)]).toEqual([]);
    // Decided elsewhere, it can no longer be approved here.
    expect(await desk.admin.dispatch('approvals.approve', { approvalId: asked.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This request was already declined by Avery Brooks.' } });
  });

  it('approved on both consoles before either synced: one grant in the end, the first decision on both', async () => {
    cloud = await startTestCloud({ store });
    const desk = await pairedConsole('Front desk', 'jordan');
    const office = await pairedConsole('Back office', 'avery');
    const asked = await ask(desk);
    await sync(desk, office);
    desk.link.online = office.link.online = false;
    const first = (await asAdmin(desk, 'approvals.approve', { approvalId: asked.id })) as VendorApproval;
    await asAdmin(office, 'approvals.approve', { approvalId: asked.id });
    expect(danaOn(desk).map((c) => c.id)).toEqual(danaOn(office).map((c) => c.id));
    expect(danaOn(desk)[0]!.pin).not.toBe(danaOn(office)[0]!.pin);

    desk.link.online = office.link.online = true;
    await sync(desk, office, desk);
    const inCloud = await cloud.store.transaction(async (tx) => tx.credential(danaOn(desk)[0]!.id));
    expect(inCloud).toMatchObject({ pinCode: danaOn(desk)[0]!.pin, endedAt: null });
    // One credential, live, with the code the cloud kept, on both consoles.
    for (const o of [desk, office]) expect(danaOn(o)).toEqual([{ id: inCloud!.id, pin: inCloud!.pinCode, ended: null }]);
    for (const o of [desk, office]) expect(approvalRow(o, asked.id)).toMatchObject({ state: 'approved', decided_by: 'Avery Brooks', decided_at: first.decidedAt });
    // The back office's log says the cloud refused its second decision.
    const refused = office.console.db.prepare("SELECT summary FROM audit_log WHERE action = 'sync.rejected'").pluck().all() as string[];
    expect(refused).toContainEqual(expect.stringContaining('This request was already approved by Avery Brooks'));
    await cloud.server.textsSettled();
    expect(readTexts(cloud.textsFile).filter((t) => t.to === vendorPhone)).toHaveLength(1);
  });

  it('declined at the front desk first, approved in the back office offline: the grant made there ends, and the decline stands on both', async () => {
    cloud = await startTestCloud({ store });
    const desk = await pairedConsole('Front desk', 'jordan');
    const office = await pairedConsole('Back office', 'avery');
    const asked = await ask(desk);
    await sync(desk, office);
    office.link.online = false;
    await asAdmin(desk, 'approvals.decline', { approvalId: asked.id, reason: 'Use the building’s own cleaners' });
    await asAdmin(office, 'approvals.approve', { approvalId: asked.id });
    expect(danaOn(office)).toMatchObject([{ ended: null }]);
    await sync(desk);
    office.link.online = true;
    await sync(office);
    expect(danaOn(office)).toMatchObject([{ ended: 'revoked' }]);
    expect(await cloud.store.transaction(async (tx) => tx.credential(danaOn(office)[0]!.id))).toBeNull();
    for (const o of [desk, office]) expect(approvalRow(o, asked.id)).toMatchObject({ state: 'declined', decline_reason: 'Use the building’s own cleaners', outcome: null });
    const refused = office.console.db.prepare("SELECT summary FROM audit_log WHERE action = 'sync.rejected'").pluck().all() as string[];
    expect(refused).toContainEqual(expect.stringContaining('This vendor request was already declined by Avery Brooks'));
  });

  it('a floor approved on both consoles before either synced: one visit, one credential per unit, one text', async () => {
    cloud = await startTestCloud({ store });
    const desk = await pairedConsole('Front desk', 'jordan');
    const office = await pairedConsole('Back office', 'avery');
    const asked = await call(desk.console, 'approvals.request', {
      scope: 'units',
      grant: { target: { scope: 'floor', buildingId: 'north', floor: 3 }, kind: 'pin', audience: 'vendor', guest: vendor, schedule },
      reason: 'Carpet cleaning, whole floor',
    });
    await sync(desk, office);
    desk.link.online = office.link.online = false;
    await asAdmin(desk, 'approvals.approve', { approvalId: asked.id });
    await asAdmin(office, 'approvals.approve', { approvalId: asked.id });
    desk.link.online = office.link.online = true;
    await sync(desk, office, desk);
    const live = (o: Office) => danaOn(o).filter((c) => c.ended === null);
    expect(live(desk)).toHaveLength(asked.unitCount);
    expect(live(office)).toEqual(live(desk));
    expect(new Set(live(desk).map((c) => c.pin)).size).toBe(1);
    await cloud.server.textsSettled();
    expect(readTexts(cloud.textsFile).filter((t) => t.to === vendorPhone)).toHaveLength(1);
  });
});
