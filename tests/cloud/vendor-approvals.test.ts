import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { rawExec } from './helpers/raw-store';
import { avery, cloudStores, grantPayload, jordan, sam, startTestCloud, type TestCloud, type TestConsole } from './helpers/test-cloud';

let cloud: TestCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

const crew = { name: 'Brightway crew', phone: '+13125550190', company: 'Brightway Cleaning' };

/** A request as leasing's console sends it: a vendor's temporary code for North Tower 702. */
function requested(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const requestId = randomUUID();
  return {
    approvalId: `approval_${randomUUID()}`,
    requestId,
    scope: 'unit',
    grant: { requestId, unitId: 'north-702', kind: 'pin', audience: 'vendor', guest: crew, schedule: { type: 'temporary', starts: '2026-12-20T08:00', ends: '2026-12-20T17:00' } },
    what: 'Temporary PIN code for Brightway crew of Brightway Cleaning',
    unitLabels: ['North Tower 702'],
    scheduleText: 'Dec 20, 8:00 AM to 5:00 PM',
    phone: '(312) 555-0190',
    reason: 'Deep clean after move-out',
    requestedById: jordan.id,
    requestedAt: new Date().toISOString(),
    expiresAt: '2026-12-20T14:00:00.000Z',
    ...overrides,
  };
}

const decided = (approvalId: string, decision: 'approved' | 'declined' = 'approved') => ({
  approvalId,
  decision,
  declineReason: decision === 'declined' ? 'Use the building’s own cleaners' : null,
  outcome: decision === 'approved' ? 'Granted' : null,
  at: new Date().toISOString(),
});

describe.each(cloudStores)('vendor approvals on %s', (store) => {
  async function asked(): Promise<{ desk: TestConsole; office: TestConsole; approvalId: string }> {
    cloud = await startTestCloud({ store });
    const desk = await cloud.pair('Front desk');
    const office = await cloud.pair('Back office');
    const request = requested();
    const [answer] = await desk.pushOk(desk.mutation('approval.requested', request, jordan));
    expect(answer).toMatchObject({ status: 'accepted' });
    return { desk, office, approvalId: request.approvalId as string };
  }

  it('keeps leasing’s request and hands it to every other console, named by who asked', async () => {
    const { office, approvalId } = await asked();
    const change = (await office.pullAll()).find((c) => c.kind === 'approval.requested')!;
    expect(change.payload).toMatchObject({ approvalId, reason: 'Deep clean after move-out', grant: { unitId: 'north-702', audience: 'vendor' } });
    expect(change.actor).toMatchObject({ id: jordan.id, name: jordan.name });
    expect(change.audit.summary).toBe('Jordan Lee asked an admin to approve a Temporary PIN code for Brightway crew of Brightway Cleaning on North Tower 702');
  });

  it('refuses a request naming someone else as the one who asked, one from maintenance, and one the guidelines no longer call for', async () => {
    cloud = await startTestCloud({ store });
    const desk = await cloud.pair();
    const [forged] = await desk.pushOk(desk.mutation('approval.requested', requested({ requestedById: avery.id }), jordan));
    expect(forged).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const [maintenance] = await desk.pushOk(desk.mutation('approval.requested', requested({ requestedById: sam.id }), sam));
    expect(maintenance).toMatchObject({ status: 'rejected', code: 'forbidden', reason: expect.stringContaining('Maintenance staff may not ask for vendor access to be approved') });
    const nowhere = requested();
    const [unknownUnit] = await desk.pushOk(desk.mutation('approval.requested', { ...nowhere, grant: { ...(nowhere.grant as object), unitId: 'north-9999' } }, jordan));
    expect(unknownUnit).toMatchObject({ status: 'rejected', code: 'not_found' });
    const guidelines = (await cloud.store.community()).guidelines;
    const [changed] = await desk.pushOk(
      desk.mutation('community.guidelines_changed', { communityId: 'riverside-commons', guidelines: { ...guidelines, vendorNeedsManagerApproval: false }, at: new Date().toISOString() }, avery),
    );
    expect(changed).toMatchObject({ status: 'accepted' });
    const [late] = await desk.pushOk(desk.mutation('approval.requested', requested(), jordan));
    expect(late).toMatchObject({ status: 'rejected', code: 'not_allowed', reason: expect.stringContaining('needs no admin’s approval now') });
    expect((await desk.pullAll()).filter((c) => c.kind === 'approval.requested')).toEqual([]);
  });

  it('lets an admin decide, and hands the decision to every console', async () => {
    const { desk, office, approvalId } = await asked();
    const [answer] = await office.pushOk(office.mutation('approval.decided', decided(approvalId, 'declined'), avery));
    expect(answer).toMatchObject({ status: 'accepted' });
    const change = (await desk.pullAll()).find((c) => c.kind === 'approval.decided')!;
    expect(change.payload).toMatchObject({ approvalId, decision: 'declined', declineReason: 'Use the building’s own cleaners' });
    expect(change.actor).toMatchObject({ id: avery.id });
    expect(change.audit.summary).toBe('Avery Brooks declined Jordan Lee’s request for Brightway crew’s vendor access. Reason: Use the building’s own cleaners');
  });

  it('refuses a decision by someone who is not an admin', async () => {
    const { office, approvalId } = await asked();
    for (const who of [jordan, sam]) {
      const [answer] = await office.pushOk(office.mutation('approval.decided', decided(approvalId), who));
      expect(answer).toMatchObject({ status: 'rejected', code: 'forbidden', reason: expect.stringContaining('may not approve or decline vendor access') });
    }
    expect((await office.pullAll()).filter((c) => c.kind === 'approval.decided')).toEqual([]);
  });

  it('refuses the requester deciding their own request, even once made an admin', async () => {
    const { office, approvalId } = await asked();
    await rawExec(cloud!, `UPDATE staff SET role = 'admin' WHERE id = '${jordan.id}'`);
    const [answer] = await office.pushOk(office.mutation('approval.decided', decided(approvalId), jordan));
    expect(answer).toMatchObject({ status: 'rejected', code: 'forbidden', reason: 'Jordan Lee asked for this access, so another admin decides on it.' });
  });

  it('takes the first decision to reach it and refuses a second, from any console, saying who decided first', async () => {
    const { desk, office, approvalId } = await asked();
    const [first] = await office.pushOk(office.mutation('approval.decided', decided(approvalId, 'approved'), avery));
    expect(first).toMatchObject({ status: 'accepted' });
    const [second] = await desk.pushOk(desk.mutation('approval.decided', decided(approvalId, 'declined'), avery));
    expect(second).toMatchObject({ status: 'rejected', code: 'conflict', reason: expect.stringMatching(/^This request was already approved by Avery Brooks at .*; this decision was not applied\.$/) });
    const decisions = (await desk.pullAll()).filter((c) => c.kind === 'approval.decided');
    expect(decisions.map((c) => c.payload.decision)).toEqual(['approved']);
    const [unknown] = await desk.pushOk(desk.mutation('approval.decided', decided(`approval_${randomUUID()}`), avery));
    expect(unknown).toMatchObject({ status: 'rejected', code: 'not_found' });
  });

  it('sends a kiosk no approval change, while its pages still move past them', async () => {
    const { office, approvalId } = await asked();
    await office.pushOk(office.mutation('approval.decided', decided(approvalId), avery));
    const kiosk = await cloud!.pair('Lobby kiosk', { kiosk: true });
    const staffKinds = (await office.pullAll()).map((c) => c.kind);
    expect(staffKinds).toEqual(['approval.requested', 'approval.decided']);
    const page = await kiosk.pull(0);
    expect(page.changes).toEqual([]);
    expect(page.next).toBeGreaterThan(0);
    expect(JSON.stringify(await kiosk.pullAll())).not.toContain(crew.phone);
  });

  it('keeps the first grant of an approved request and answers a second console’s grant of it already_granted; refuses one once the request was declined', async () => {
    const { desk, office, approvalId } = await asked();
    const grant = grantPayload({ audience: 'vendor', guest: { id: 'guest_brightway', ...crew }, pinCode: await office.leasedCode(6), approvalId });
    const [first] = await office.pushOk(office.mutation('credential.granted', grant, avery));
    expect(first).toMatchObject({ status: 'accepted' });
    const [second] = await desk.pushOk(desk.mutation('credential.granted', { ...grant, pinCode: await desk.leasedCode(6) }, avery));
    expect(second).toMatchObject({ status: 'rejected', code: 'already_granted' });

    const other = requested();
    await desk.pushOk(desk.mutation('approval.requested', other, jordan));
    await office.pushOk(office.mutation('approval.decided', decided(other.approvalId as string, 'declined'), avery));
    const late = grantPayload({ audience: 'vendor', guest: { id: 'guest_brightway_2', ...crew }, pinCode: await desk.leasedCode(6), approvalId: other.approvalId });
    const [refused] = await desk.pushOk(desk.mutation('credential.granted', late, avery));
    expect(refused).toMatchObject({ status: 'rejected', code: 'conflict', reason: expect.stringContaining('already declined by Avery Brooks') });
    expect(await cloud!.store.transaction((tx) => tx.credential(late.credentialId))).toBeNull();
  });
});
