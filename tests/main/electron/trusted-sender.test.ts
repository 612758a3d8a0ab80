import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemePage } from '../../../src/main/electron/app-page';
import { createSenderTrust, type SenderEventLike } from '../../../src/main/electron/trusted-sender';
import { FakeWebContents, FakeWebFrameMain } from '../../mocks/electron';

const rendererDir = path.resolve('/app/out/renderer');
const appUrl = 'porter://app/index.html';

function setup() {
  const trust = createSenderTrust<FakeWebContents>(schemePage(rendererDir));
  const window = new FakeWebContents(appUrl);
  trust.trust(window);
  return { trust, window };
}

const from = (sender: FakeWebContents, senderFrame: FakeWebFrameMain | null = sender.mainFrame): SenderEventLike => ({
  sender,
  senderFrame,
});

describe('trusted sender', () => {
  it('is the main frame of our window on the app page', () => {
    const { trust, window } = setup();
    expect(trust.isTrustedSender(from(window))).toBe(true);
    window.mainFrame.url = `${appUrl}#/units/u-1`;
    expect(trust.isTrustedSender(from(window))).toBe(true);
  });

  it('is not another web contents, even on the app page', () => {
    const { trust } = setup();
    expect(trust.isTrustedSender(from(new FakeWebContents(appUrl)))).toBe(false);
  });

  it('is not a subframe of our window, even one showing the app page', () => {
    const { trust, window } = setup();
    expect(trust.isTrustedSender(from(window, window.mainFrame.child('https://evil.example/')))).toBe(false);
    expect(trust.isTrustedSender(from(window, window.mainFrame.child(appUrl)))).toBe(false);
  });

  it('is not our window once it shows a foreign page', () => {
    const { trust, window } = setup();
    window.mainFrame.url = 'https://evil.example/';
    expect(trust.isTrustedSender(from(window))).toBe(false);
    window.mainFrame.url = pathToFileURL('/tmp/dropped.html').href;
    expect(trust.isTrustedSender(from(window))).toBe(false);
    // The built page itself, opened over file://, is not the app's origin.
    window.mainFrame.url = pathToFileURL(path.join(rendererDir, 'index.html')).href;
    expect(trust.isTrustedSender(from(window))).toBe(false);
    window.mainFrame.url = 'porter://elsewhere/index.html';
    expect(trust.isTrustedSender(from(window))).toBe(false);
  });

  it('is not a frame that is already gone (senderFrame null)', () => {
    const { trust, window } = setup();
    expect(trust.isTrustedSender(from(window, null))).toBe(false);
  });

  it('is not a destroyed window', () => {
    const { trust, window } = setup();
    window.destroy();
    expect(trust.isTrustedSender(from(window))).toBe(false);
    expect(trust.trustedTargets()).toEqual([]);
  });

  it('is refused, not thrown, when the event is malformed', () => {
    const { trust } = setup();
    expect(trust.isTrustedSender({} as SenderEventLike)).toBe(false);
    const throwing = {
      get sender(): never {
        throw new Error('Object has been destroyed');
      },
      senderFrame: null,
    };
    expect(trust.isTrustedSender(throwing)).toBe(false);
  });

  it('targets for events are our windows on the app page only', () => {
    const { trust, window } = setup();
    const elsewhere = new FakeWebContents(appUrl);
    trust.trust(elsewhere);
    elsewhere.mainFrame.url = 'https://evil.example/';
    expect(trust.trustedTargets()).toEqual([window]);
  });
});
