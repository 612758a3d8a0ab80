import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { appendCloudChange } from '../apply/apply-context';
import type { CloudLog } from '../cloud-log';
import type { CloudStore, QueuedText, TextReason } from '../store/cloud-store';
import { TextSendError, type TextProvider } from './text-provider';

/** Waits before each retry: a provider outage of a few minutes costs one retry, not a storm. */
export const defaultRetryDelaysMs: readonly number[] = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];

export interface TextDeliveryOptions {
  store: CloudStore;
  provider: TextProvider;
  now(): Date;
  log: CloudLog;
  /** One delay per retry; a text that failed them all is given up as 'failed'. */
  retryDelaysMs?: readonly number[];
  /** A text's outcome was recorded as a change (consoles waiting for news are told). */
  recorded?: () => void;
  /**
   * How long this instance holds the texts it claims before another may take them over (an
   * instance killed mid-send). Longer than a batch takes to send: the provider's 30 s timeout
   * for each of the few texts of a claim.
   */
  claimMs?: number;
}

/** Texts claimed at a time: small, so instances share a burst, and a claim is sent well within its lease. */
const claimBatch = 5;
export const defaultTextClaimMs = 5 * 60_000;

const occasions: Record<TextReason, string> = { granted: 'the new access', pin_changed: 'the new code', resent: 'the access, again' };

/**
 * Sends the texts the mutations queued (the cloud store's text_outbox), after their
 * transaction committed, one at a time, each outcome recorded with a credential.text_status
 * change for every console. Instances sharing a database each claim a few texts at a time
 * (CloudStore.claimDueTexts), so a text goes out from one of them. A crash between the
 * provider's answer and the record sends the text again (after a restart, or from another
 * instance once the claim lapses) with the same idempotency key, which the provider drops:
 * none lost, none doubled.
 */
export class TextDelivery {
  private readonly options: TextDeliveryOptions;
  private readonly delays: readonly number[];
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** This instance, as a claimant of texts. */
  private readonly claimant = `cloud_${randomUUID()}`;
  private readonly claimMs: number;

  constructor(options: TextDeliveryOptions) {
    this.options = options;
    this.delays = options.retryDelaysMs ?? defaultRetryDelaysMs;
    this.claimMs = options.claimMs ?? defaultTextClaimMs;
  }

  /** Sends what is due now; called after a commit that queued texts, and at start for what a crash left. */
  wake(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no text waits to be sent (each sent or given up), retries included. */
  async settled(): Promise<void> {
    for (;;) {
      this.wake();
      await this.running;
      if (this.closed) return;
      const next = await this.options.store.nextTextDue();
      if (next === null) return;
      await sleep(Math.max(1, Date.parse(next) - this.options.now().getTime()));
    }
  }

  /**
   * Stops sending. A text in flight is waited for a little; a provider that hangs longer is
   * left behind: its text is still pending in the store and goes out (same key) after a restart.
   */
  async close(graceMs = 5_000): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (!this.running) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.running, grace]);
    clearTimeout(timer);
  }

  private async drain(): Promise<void> {
    const { store, log } = this.options;
    try {
      do {
        this.again = false;
        for (let due = await this.claim(); due.length > 0; due = await this.claim()) {
          for (const text of due) {
            if (this.closed) return;
            // A claim about to lapse is left to whoever takes it over, rather than sent by both.
            if (this.options.now().getTime() > this.claimedAt + this.claimMs / 2) break;
            await this.deliver(text);
          }
        }
      } while (this.again && !this.closed);
      this.scheduleNext(await store.nextTextDue());
    } catch (error) {
      log('error', 'Text delivery stopped on a store error; trying again in a minute.', error);
      this.scheduleNext(new Date(this.options.now().getTime() + 60_000).toISOString());
    }
  }

  private claimedAt = 0;

  /** The next few due texts, this instance's alone until the claim lapses. */
  private claim(): Promise<QueuedText[]> {
    const now = this.options.now();
    this.claimedAt = now.getTime();
    return this.options.store.claimDueTexts(now.toISOString(), claimBatch, { by: this.claimant, until: new Date(now.getTime() + this.claimMs).toISOString() });
  }

  private scheduleNext(at: string | null): void {
    if (at === null || this.closed) return;
    const wait = Math.max(0, Date.parse(at) - this.options.now().getTime());
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private async deliver(text: QueuedText): Promise<void> {
    const { store, provider, log } = this.options;
    let providerId: string;
    try {
      providerId = (await provider.send({ to: text.to, body: text.body, idempotencyKey: text.idempotencyKey })).id;
    } catch (error) {
      await this.failed(text, error);
      return;
    }
    const at = this.nowIso();
    const settled = await store.forCommunity(text.communityId).transaction(async (tx) => {
      if (!(await tx.markTextSent(text.id, this.claimant, providerId, at))) return false;
      await appendCloudChange(tx, 'credential.text_status', { credentialId: text.credentialId, status: 'sent', error: null, reason: text.reason, at }, `Texted ${text.to} about ${occasions[text.reason]}`, at);
      return true;
    });
    if (!settled) {
      log('warn', `Text ${text.id} was sent after its claim lapsed; the instance that took it over records it (same idempotency key).`);
      return;
    }
    this.options.recorded?.();
    log('info', `Text ${text.id} (${text.reason}) sent as ${providerId}`);
  }

  private async failed(text: QueuedText, error: unknown): Promise<void> {
    const { store, log } = this.options;
    const known = error instanceof TextSendError;
    const message = known ? error.message : 'The text provider failed unexpectedly.';
    if (!known) log('error', `Text ${text.id} failed unexpectedly`, error);
    const attempts = text.attempts + 1;
    const at = this.nowIso();
    if (!(known && error.permanent) && attempts <= this.delays.length) {
      const nextAt = new Date(this.options.now().getTime() + this.delays[attempts - 1]!).toISOString();
      await store.forCommunity(text.communityId).transaction((tx) => tx.markTextRetry(text.id, this.claimant, message, nextAt));
      log('warn', `Text ${text.id} not sent (${message}); retry ${attempts} at ${nextAt}`);
      return;
    }
    const settled = await store.forCommunity(text.communityId).transaction(async (tx) => {
      if (!(await tx.markTextFailed(text.id, this.claimant, message, at))) return false;
      await appendCloudChange(tx, 'credential.text_status', { credentialId: text.credentialId, status: 'failed', error: message, reason: text.reason, at }, `The text to ${text.to} about ${occasions[text.reason]} failed: ${message}`, at);
      return true;
    });
    if (!settled) return;
    this.options.recorded?.();
    log('warn', `Text ${text.id} given up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${message}`);
  }

  private nowIso(): string {
    return this.options.now().toISOString();
  }
}
