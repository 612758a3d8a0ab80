import { afterEach, describe, expect, it } from 'vitest';
import { expireVendorApprovals } from '../../../src/main/access/approvals/expire-vendor-approvals';
import { getCommunity } from '../../../src/main/store/community-repo';
import type { Connection } from '../../../src/main/core-types';
import type { CommandInput, CommandName } from '../../../src/shared/contract';
import type { Credential, VendorApproval } from '../../../src/shared/domain';
import type { Envelope } from '../../../src/shared/envelope';
import { auditCount, comboUnit, demoPasscodes, lastAudit, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

/*
 * The demo's guidelines keep vendor access for admins: leasing asks, an admin approves (the
 * grant is made then) or declines with a reason, and a request nobody approved before its
 * access was to start expires. Leasing (Jordan) works on the core's own connection; the admin
 * (Avery) in a second window.
 */
let t: TestConsole;
let admin: Connection;
afterEach(() => t?.close());

const clock = { now: new Date('2026-11-26T15:00:00Z') }; // Thursday 09:00 in Chicago
const jordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;
const vendor = { name: 'Dana Whitfield', phone: '(312) 555-0188', company: 'Brightway Cleaning' };
const tomorrow = { type: 'temporary', starts: '2026-11-27T08:00', ends: '2026-11-27T17:00' } as const;

async function openOffice(): Promise<void> {
  clock.now = new Date('2026-11-26T15:00:00Z');
  t = openTestConsole(jordan, { now: () => clock.now });
  admin = t.core.connect('admin-window');
  const signedIn = await admin.dispatch('staff.signIn', { staffId: 'avery', passcode: demoPasscodes.avery });
  expect(signedIn.ok).toBe(true);
}

function value<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
}

const asLeasing = <C extends CommandName>(c: C, input: CommandInput<C>) => t.core.dispatch(c, input);
const asAdmin = <C extends CommandName>(c: C, input: CommandInput<C>) => admin.dispatch(c, input);

async function askForUnit(schedule: CommandInput<'access.grant'>['schedule'] = tomorrow): Promise<VendorApproval> {
  return value(await asLeasing('approvals.request', { scope: 'unit', grant: { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule }, reason: 'Deep clean before move-in' }));
}

/** Dana's credentials (the demo holds other vendors'). */
const credentialCount = () => t.db.prepare("SELECT count(*) FROM credentials c JOIN guests g ON g.id = c.guest_id WHERE g.name = 'Dana Whitfield'").pluck().get() as number;

describe('vendor access waiting for an admin’s approval', () => {
  it('leasing asks, nothing is granted; the admin sees it pending, approves, and the grant is made and texted', async () => {
    await openOffice();
    expect(await asLeasing('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule: tomorrow })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asked = await askForUnit();
    expect(asked).toMatchObject({ state: 'pending', what: 'Temporary PIN code for Dana Whitfield of Brightway Cleaning', where: 'North Tower 204', reason: 'Deep clean before move-in', requestedBy: 'Jordan Lee', expiresAt: '2026-11-27T14:00:00.000Z' });
    expect(credentialCount()).toBe(0);
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.approval_requested', actor: 'Jordan Lee', summary: expect.stringContaining('Reason: Deep clean before move-in') });

    expect(value<VendorApproval[]>(await asAdmin('approvals.list', {})).map((a) => [a.id, a.state])).toEqual([[asked.id, 'pending']]);
    const approved = value<VendorApproval>(await asAdmin('approvals.approve', { approvalId: asked.id }));
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'Avery Brooks', outcome: 'Granted' });

    const { credentials } = value<{ credentials: Credential[] }>(await asLeasing('units.get', { unitId: comboUnit }));
    expect(credentials.filter((c) => c.guest.name === 'Dana Whitfield')).toMatchObject([{ guest: { name: 'Dana Whitfield', company: 'Brightway Cleaning' }, createdBy: 'Avery Brooks', notification: { status: 'queued', requests: 1 } }]);
    const actions = t.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'access.%' ORDER BY seq").pluck().all();
    expect(actions.slice(-3)).toEqual(['access.approval_requested', 'access.granted', 'access.approval_approved']);
    // The requester sees the outcome too; approving twice grants nothing more.
    expect(value<VendorApproval[]>(await asLeasing('approvals.list', {}))).toMatchObject([{ id: asked.id, state: 'approved' }]);
    expect(await asAdmin('approvals.approve', { approvalId: asked.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This request was already approved by Avery Brooks.' } });
    expect(credentialCount()).toBe(1);
  });

  it('approves a bulk request as one decision: every unit of the floor is granted', async () => {
    await openOffice();
    const asked = value<VendorApproval>(await asLeasing('approvals.request', { scope: 'units', grant: { target: { scope: 'floor', buildingId: 'north', floor: 3 }, kind: 'pin', audience: 'vendor', guest: vendor, schedule: tomorrow }, reason: 'Carpet cleaning, whole floor' }));
    expect(asked.unitCount).toBeGreaterThan(1);
    expect(asked.where).toMatch(/^\d+ units: North Tower 3/);
    const approved = value<VendorApproval>(await asAdmin('approvals.approve', { approvalId: asked.id }));
    expect(approved.outcome).toBe(`Granted on ${asked.unitCount} of ${asked.unitCount} units`);
    expect(credentialCount()).toBe(asked.unitCount);
  });

  it('declines with a reason the requester reads, granting nothing', async () => {
    await openOffice();
    const asked = await askForUnit();
    expect(await asAdmin('approvals.decline', { approvalId: asked.id, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Say why') } });
    const declined = value<VendorApproval>(await asAdmin('approvals.decline', { approvalId: asked.id, reason: 'Brightway is not on our vendor list' }));
    expect(declined).toMatchObject({ state: 'declined', declineReason: 'Brightway is not on our vendor list', decidedBy: 'Avery Brooks' });
    expect(value<VendorApproval[]>(await asLeasing('approvals.list', {}))).toMatchObject([{ state: 'declined', declineReason: 'Brightway is not on our vendor list' }]);
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.approval_declined', summary: expect.stringContaining('Reason: Brightway is not on our vendor list') });
    expect(await asAdmin('approvals.approve', { approvalId: asked.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(credentialCount()).toBe(0);
  });

  it('expires once its access was to start unapproved, audited, and can no longer be approved', async () => {
    await openOffice();
    const asked = await askForUnit();
    const ctx = { db: t.db, now: () => clock.now, community: () => getCommunity(t.db) };
    expect(expireVendorApprovals(ctx)).toBe(0);
    clock.now = new Date('2026-11-27T14:00:00Z');
    expect(value<VendorApproval[]>(await asAdmin('approvals.list', {}))).toMatchObject([{ id: asked.id, state: 'expired' }]);
    expect(await asAdmin('approvals.approve', { approvalId: asked.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('expired') } });
    expect(expireVendorApprovals(ctx)).toBe(1);
    expect(lastAudit(t.db)).toMatchObject({ action: 'access.approval_expired', actor: 'Porter (automatic)', summary: 'Jordan Lee’s request for a Temporary PIN code for Dana Whitfield of Brightway Cleaning on North Tower 204 expired unapproved' });
    expect(credentialCount()).toBe(0);
  });

  it('a request for access starting at once waits a day at most', async () => {
    await openOffice();
    const asked = await askForUnit({ type: 'permanent' });
    expect(asked.expiresAt).toBe('2026-11-27T15:00:00.000Z');
  });

  it('keeps each step to its role: an admin grants without asking, leasing cannot approve, a kiosk cannot ask', async () => {
    await openOffice();
    expect(await asAdmin('approvals.request', { scope: 'unit', grant: { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule: tomorrow }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await asAdmin('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule: tomorrow })).toMatchObject({ ok: true });
    const asked = await askForUnit();
    expect(await asLeasing('approvals.approve', { approvalId: asked.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await asLeasing('approvals.decline', { approvalId: asked.id, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const kiosk = t.core.connect('lobby');
    expect(value(await kiosk.dispatch('staff.signIn', { staffId: 'lobby-kiosk', passcode: demoPasscodes['lobby-kiosk']! }))).toBeTruthy();
    expect(await kiosk.dispatch('approvals.request', { scope: 'unit', grant: { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule: tomorrow }, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('grants once when an approval is retried after a crash between the grant and its record', async () => {
    await openOffice();
    const asked = await askForUnit();
    value(await asAdmin('approvals.approve', { approvalId: asked.id }));
    // As if the console stopped after the grant's transaction and before the approval's.
    t.db.prepare("UPDATE vendor_approvals SET state = 'pending', decided_by = NULL, decided_at = NULL, outcome = NULL WHERE id = ?").run(asked.id);
    expect(value<VendorApproval>(await asAdmin('approvals.approve', { approvalId: asked.id }))).toMatchObject({ state: 'approved', outcome: 'Granted' });
    expect(credentialCount()).toBe(1);
  });

  it('lets nobody decide on their own request, even once made an admin', async () => {
    await openOffice();
    const asked = await askForUnit();
    t.db.prepare("UPDATE staff SET role = 'admin' WHERE id = 'jordan'").run();
    const promoted = t.core.connect('jordan-later');
    expect((await promoted.dispatch('staff.signIn', { staffId: 'jordan', passcode: demoPasscodes.jordan! })).ok).toBe(true);
    expect(await promoted.dispatch('approvals.approve', { approvalId: asked.id })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'You asked for this access: another admin decides on it.' } });
    expect(await promoted.dispatch('approvals.decline', { approvalId: asked.id, reason: 'Changed my mind' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(credentialCount()).toBe(0);
    expect(value<VendorApproval[]>(await asAdmin('approvals.list', {}))).toMatchObject([{ id: asked.id, state: 'pending' }]);
  });

  it('refuses a bad request in plain words and writes nothing but the refusal', async () => {
    await openOffice();
    const before = writeCounts(t.db);
    const approvals = () => t.db.prepare('SELECT count(*) FROM vendor_approvals').pluck().get();
    const ask = (grant: object, reason = 'Deep clean') => asLeasing('approvals.request', { scope: 'unit', grant: { unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule: tomorrow, ...grant }, reason } as CommandInput<'approvals.request'>);
    expect(await ask({}, '')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Say why the vendor needs access' } });
    expect(await ask({ guest: { name: 'Dana Whitfield', phone: '(312) 555-0188' } })).toMatchObject({ ok: false, error: { message: 'Enter the vendor’s company: a vendor’s access needs it.' } });
    expect(await ask({ guest: { ...vendor, phone: '12' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a valid phone number') } });
    expect(await ask({ schedule: { type: 'temporary', starts: '2026-11-27T08:00', ends: '2027-03-27T08:00' } })).toMatchObject({ ok: false, error: { message: expect.stringContaining('at most 30 days') } });
    expect(await ask({ unitId: 'no-such-unit' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask({ audience: 'guest' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Only vendor access') } });
    expect(await asAdmin('approvals.approve', { approvalId: 'approval_missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(writeCounts(t.db)).toEqual(before);
    expect(approvals()).toBe(0);
    expect(lastAudit(t.db).action).toBe('access.refused');
    expect(auditCount(t.db)).toBeGreaterThan(0);
  });

  it('answers the same form sent twice with the first request', async () => {
    await openOffice();
    const requestId = '3b241101-e2bb-4255-8caf-4136c566a962';
    const send = () => asLeasing('approvals.request', { scope: 'unit', grant: { requestId, unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: vendor, schedule: tomorrow }, reason: 'Deep clean' });
    const [first, second] = await Promise.all([send(), send()]);
    expect(value<VendorApproval>(first).id).toBe(value<VendorApproval>(second).id);
    expect(t.db.prepare('SELECT count(*) FROM vendor_approvals').pluck().get()).toBe(1);
  });
});
