import { afterEach, describe, expect, it } from 'vitest';
import { BleLinkError, type BleAdvertisement } from '../../../../src/main/devices/ble/gatt';
import { openNobleCentral } from '../../../../src/main/devices/links/noble-central';
import { ECHO_INFO, ECHO_NOTIFY, ECHO_WRITE, EchoPeripheral, echoAddress, TEST_COMPANY } from './fixtures/echo-peripheral';
import { connectEcho, notified, Opened, scanUntil } from './fixtures/simulated-central';

const opened = new Opened();
afterEach(() => opened.closeAll());

const never = () => new AbortController().signal;
const text = (value: string) => new TextEncoder().encode(value);

async function setUp(count = 1) {
  const locks = Array.from({ length: count }, (_, i) => new EchoPeripheral(echoAddress(i + 1), `Echo ${i + 1}`, i + 1));
  const dongle = await opened.dongle({ peripherals: locks });
  const central = await opened.central(dongle);
  return { locks, dongle, central };
}

function linkError(code: BleLinkError['code']) {
  return expect.objectContaining({ name: 'BleLinkError', code });
}

describe('noble over the simulated dongle: scanning', () => {
  it('powers on, and the central names the dongle it opened', async () => {
    const { central, dongle } = await setUp();
    expect(central.dongle).toEqual(dongle.dongleInfo);
    expect(central.dongle).toMatchObject({ transport: 'uart', simulated: true, port: dongle.port });
  });

  it('lists peripherals with their names, manufacturer data and a live RSSI', async () => {
    const { central, locks } = await setUp(2);
    const seen = new Map<string, BleAdvertisement>();
    await scanUntil(central, (advertisement) => {
      seen.set(advertisement.address, advertisement);
      return seen.size === 2;
    });
    expect(seen.get(locks[1]!.address)).toMatchObject({
      peripheralId: 'c00000000002',
      localName: 'Echo 2',
      rssi: -60,
      manufacturerData: Uint8Array.of(TEST_COMPANY & 0xff, TEST_COMPANY >> 8, 2, 0),
    });
    locks[0]!.signal = -81;
    const weaker = await scanUntil(central, (advertisement) => advertisement.address === locks[0]!.address && advertisement.rssi === -81);
    expect(weaker.localName).toBe('Echo 1');
  });

  it('keeps a scan for other services quiet', async () => {
    const { central } = await setUp();
    const heard: BleAdvertisement[] = [];
    const stop = await central.startScan(['0000feed00001000800000805f9b34fb'], (advertisement) => heard.push(advertisement));
    await scanUntil(central, () => true); // a second, unfiltered scan hears the lock meanwhile
    await stop();
    expect(heard).toEqual([]);
  });
});

describe('noble over the simulated dongle: GATT', () => {
  it('connects, exchanges MTU 247, discovers, writes and hears the echo, and reads', async () => {
    const { central, locks } = await setUp();
    const connection = await connectEcho(central, locks[0]!.address);
    expect(connection.mtu).toBe(247);
    const echo = notified(connection, ECHO_NOTIFY);
    await echo.ready;
    await connection.write(ECHO_WRITE, text('open sesame'), never());
    expect(await echo.all).toEqual([text('open sesame')]);
    expect(await connection.read(ECHO_INFO, never())).toEqual(Uint8Array.of(0xec, 0x40, 1));
    await connection.disconnect();
    expect(locks[0]!.disconnections).toBe(1);
  });

  it('carries a 244-byte write as ten 27-octet ACL fragments and gets it back whole', async () => {
    const { central, locks, dongle } = await setUp();
    const connection = await connectEcho(central, locks[0]!.address);
    const echo = notified(connection, ECHO_NOTIFY);
    await echo.ready;
    const value = Uint8Array.from({ length: 244 }, (_, i) => (i * 7) & 0xff);
    const before = dongle.controller.stats();
    await connection.write(ECHO_WRITE, value, never());
    expect(dongle.controller.stats().pdusToPeripheral - before.pdusToPeripheral).toBe(10);
    expect(locks[0]!.writes.at(-1)).toEqual(value);
    expect(await echo.all).toEqual([value]);
  });

  it('turns a write the peripheral refuses into att_error, and an aborted write does not answer for the next', async () => {
    const { central, locks } = await setUp();
    const lock = locks[0]!;
    const connection = await connectEcho(central, lock.address);
    await expect(connection.write(ECHO_INFO, text('no'), never())).rejects.toEqual(linkError('att_error'));

    lock.range = false; // the write waits at the controller, unheard
    const giveUp = new AbortController();
    const first = connection.write(ECHO_WRITE, text('first'), giveUp.signal);
    setTimeout(() => giveUp.abort(), 50); // once the write is on its way

    await expect(first).rejects.toEqual(linkError('aborted'));
    lock.range = true;
    await connection.write(ECHO_WRITE, text('second'), never());
    expect(lock.writes).toEqual([text('first'), text('second')]);
  });

  it('holds two links at once, each with its own echo', async () => {
    const { central, locks } = await setUp(2);
    const first = await connectEcho(central, locks[0]!.address);
    const second = await connectEcho(central, locks[1]!.address);
    const echoes = [notified(first, ECHO_NOTIFY), notified(second, ECHO_NOTIFY)];
    await Promise.all(echoes.map((echo) => echo.ready));
    await Promise.all([first.write(ECHO_WRITE, text('to one'), never()), second.write(ECHO_WRITE, text('to two'), never())]);
    expect(await echoes[0]!.all).toEqual([text('to one')]);
    expect(await echoes[1]!.all).toEqual([text('to two')]);
  });

  it('keeps a scan going around a connection, hearing the other locks but not the connected one', async () => {
    const { central, locks } = await setUp(2);
    const [connected, other] = [locks[0]!, locks[1]!];
    let afterConnecting: string[] | null = null;
    let heardOther: () => void = () => undefined;
    const otherHeard = new Promise<void>((resolve) => (heardOther = resolve));
    const stop = await central.startScan([], (advertisement) => {
      afterConnecting?.push(advertisement.address);
      if (afterConnecting && advertisement.address === other.address) heardOther();
    });
    await connectEcho(central, connected.address);
    afterConnecting = [];
    await otherHeard;
    await stop();
    expect(afterConnecting).not.toContain(connected.address);
  });

  it('says no_service when the peripheral lacks the service, and leaves no link behind', async () => {
    const { central, locks } = await setUp();
    await expect(central.connect(locks[0]!.address.replaceAll(':', ''), '0000feed00001000800000805f9b34fb', never())).rejects.toEqual(linkError('no_service'));
    await locks[0]!.linkEnded();
    expect(locks[0]!.disconnections).toBe(1);
  });
});

describe('noble over the simulated dongle: faults', () => {
  it('rejects out_of_range when the signal gives up on a lock nobody hears, and connects the next one', async () => {
    const { central, locks } = await setUp(2);
    locks[0]!.range = false;
    const giveUp = new AbortController();
    const attempt = connectEcho(central, locks[0]!.address, giveUp.signal);
    setTimeout(() => giveUp.abort(), 200);
    await expect(attempt).rejects.toEqual(linkError('out_of_range'));
    const other = await connectEcho(central, locks[1]!.address);
    expect(other.peripheralId).toBe('c00000000002');
  });

  it('drops the link after the supervision timeout when the lock goes out of range mid-exchange', async () => {
    const { central, locks } = await setUp();
    const lock = locks[0]!;
    const connection = await connectEcho(central, lock.address);
    const reason = new Promise<string>((resolve) => connection.onDisconnect(resolve));
    lock.range = false;
    const pending = connection.write(ECHO_WRITE, text('lost'), never());
    await expect(pending).rejects.toEqual(linkError('disconnected'));
    expect(await reason).toBe('supervision_timeout');
    await expect(connection.write(ECHO_WRITE, text('after'), never())).rejects.toEqual(linkError('disconnected'));
  });

  it('tells when the peripheral hangs up', async () => {
    const { central, locks } = await setUp();
    const connection = await connectEcho(central, locks[0]!.address);
    const reason = new Promise<string>((resolve) => connection.onDisconnect(resolve));
    locks[0]!.link!.disconnect();
    expect(await reason).toBe('peripheral_disconnected');
  });

  it('reports the dongle gone when it is unplugged: links drop, and the central refuses more', async () => {
    const { central, locks, dongle } = await setUp();
    const connection = await connectEcho(central, locks[0]!.address);
    const gone = new Promise<void>((resolve) => central.onGone(resolve));
    const reason = new Promise<string>((resolve) => connection.onDisconnect(resolve));
    await dongle.unplug();
    await gone;
    expect(await reason).toBe('dongle_gone');
    await expect(connectEcho(central, locks[0]!.address)).rejects.toEqual(linkError('gone'));
    await expect(central.startScan([], () => undefined)).rejects.toEqual(linkError('gone'));
  });

  it('ends a connection attempt in flight when the central closes', async () => {
    const { central, locks } = await setUp();
    locks[0]!.range = false;
    const attempt = connectEcho(central, locks[0]!.address);
    setTimeout(() => void central.close(), 100);
    await expect(attempt).rejects.toEqual(linkError('gone'));
  });

  it('refuses to open a port that is not there', async () => {
    const info = { id: 'uart:/nonexistent/tty', transport: 'uart' as const, label: 'nothing', vendorId: null, productId: null, port: '/nonexistent/tty', simulated: false };
    await expect(openNobleCentral(info)).rejects.toEqual(linkError('gone'));
  });
});

describe('noble over the simulated dongle: one process, many centrals', () => {
  it('closes the port and every process listener, so a second central opens on the same dongle', async () => {
    const lock = new EchoPeripheral(echoAddress(1), 'Echo 1');
    const dongle = await opened.dongle({ peripherals: [lock] });
    const listeners = () => ({ exit: process.listenerCount('exit'), sigint: process.listenerCount('SIGINT') });
    const before = listeners();
    for (let round = 1; round <= 3; round++) {
      const central = await openNobleCentral(dongle.dongleInfo);
      const connection = await connectEcho(central, lock.address);
      await connection.write(ECHO_WRITE, text(`round ${round}`), never());
      await central.close();
      expect(listeners()).toEqual(before);
    }
    expect(lock.writes).toEqual([text('round 1'), text('round 2'), text('round 3')]);
    expect(lock.connections).toBe(3);
    expect(lock.disconnections).toBe(3); // close said goodbye on the air
  });

  it('lists 200 advertising peripherals', async () => {
    const started = performance.now();
    const { central } = await setUp(200);
    const ready = performance.now();
    const seen = new Set<string>();
    await scanUntil(central, (advertisement) => seen.add(advertisement.address).size === 200);
    const listed = performance.now();
    console.info(`200 peripherals: dongle and central ready in ${Math.round(ready - started)} ms, all listed ${Math.round(listed - ready)} ms later`);
    expect(seen.size).toBe(200);
  });
});
