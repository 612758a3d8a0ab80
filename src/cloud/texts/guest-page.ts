import { describeSchedule } from '../../shared/describe-schedule';
import type { Reply, Route } from '../routes';
import type { CloudStore, GuestPageRecord } from '../store/cloud-store';
import { guestLinkTokenPattern, hashGuestLinkToken } from './guest-link';

/** Where a text's link to a code leads: `/c/<token>` (guest-text.ts). */
export const guestPagePrefix = '/c/';
/** Where a pass's text leads: the app holds the pass, found by the phone number the guest signs up with. */
export const appPagePath = '/app';

/**
 * The pages guests open from their texts, beside the sync API, by path: undefined for any
 * other path. `logged` is the path as the cloud's log may write it: never a code page's token.
 */
export function guestPageRoute(store: CloudStore, pathname: string, now: () => Date): { methods: Partial<Record<string, Route>>; logged: string } | undefined {
  if (pathname === appPagePath) return { methods: { GET: () => Promise.resolve(appPage()) }, logged: pathname };
  if (pathname.startsWith(guestPagePrefix)) return { methods: { GET: () => guestPage(store, pathname.slice(guestPagePrefix.length), now()) }, logged: `${guestPagePrefix}<token>` };
  return undefined;
}

/** A pass's text's page: what to do to get the pass. It names no guest and no credential. */
export function appPage(): Reply {
  return page(
    200,
    'Your pass is in the Porter Keys app',
    `<h1>Your pass is in the Porter Keys app</h1>
<p>Install Porter Keys from your phone’s app store, then sign up with the phone number this text came to. Your pass appears in the app; hold your phone near the door’s reader to open it.</p>`,
  );
}

/**
 * The page a guest's text links to: the code, the unit, and when it works, in the community's
 * time zone. Found by the link's token only (guest-link.ts). A code that has ended is not
 * shown. The page is never cached, names no referrer, runs no script and loads nothing.
 */
export async function guestPage(store: CloudStore, token: string, now: Date): Promise<Reply> {
  const found = guestLinkTokenPattern.test(token) ? await store.guestPage(hashGuestLinkToken(token)) : null;
  if (!found) return page(404, 'This link does not lead to a code', '<h1>This link does not lead to a code</h1><p>Check that the whole link from your text was opened, or ask the leasing office.</p>');
  const community = escape(found.communityName);
  if (found.endedAt !== null || (found.endsAt !== null && Date.parse(found.endsAt) <= now.getTime()) || found.pinCode === null)
    return page(
      200,
      'This access code has ended',
      `<p class="muted">${community} · ${escape(found.unitLabel)}</p><h1>This access code has ended</h1><p>Ask ${community}’s leasing office if you still need to get in.</p>`,
    );
  return page(
    200,
    `Your access code for ${found.unitLabel}`,
    `<p class="muted">${community}</p>
<h1>Your access code for ${escape(found.unitLabel)}</h1>
<p class="code" aria-label="Code: ${[...found.pinCode].join(' ')}">${escape(found.pinCode)}</p>
<p><strong>When it works:</strong> ${escape(describeSchedule(found.schedule))} (${escape(zoneName(found))})</p>
<p>Enter it on the door’s keypad. Keep it to yourself: it opens the door for whoever has it.</p>`,
  );
}

/** "Central Time": the community's zone as guests say it. */
function zoneName(found: GuestPageRecord): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: found.timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
  return part?.value ?? found.timeZone;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, main: string): Reply {
  return {
    status,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>body{font:17px/1.5 system-ui,sans-serif;margin:0;padding:0 .75rem;color:#1d2430;background:#f6f7f9}main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d5dae1;border-radius:8px}h1{font-size:1.3rem;margin:.25rem 0 1rem}.muted{color:#4a5566;margin:0}.code{font:700 2.6rem/1.2 ui-monospace,monospace;letter-spacing:.3em;margin:.5rem 0 1rem}</style>
</head><body><main>
${main}
</main></body></html>
`,
    headers: {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex',
    },
  };
}
