import type { Audience, CredentialKind, DoorKind, Guest, Guidelines, LockModel, Role, Schedule } from '../../shared/domain';
import type { CommunityFile } from '../community/community-file';

/*
 * The cloud's storage, as the rest of the cloud sees it. No SQL crosses this line: the
 * SQLite store (./sqlite) and the PostgreSQL store (./postgres) implement it, which is
 * why every method answers a Promise even though better-sqlite3 is synchronous.
 *
 * A cloud holds many communities (tenants). `CloudStore` is what is not one community's:
 * adding communities, pairing (a pairing code says which community), finding a console by
 * its token, the text queue. Everything else is reached through `forCommunity(id)`, whose
 * every statement is scoped to that community: a request works on the community of the
 * console that authenticated, never on one its body names.
 */

export interface CommunityRecord {
  id: string;
  name: string;
  timeZone: string;
  phoneRegion: string;
  accessSystem: { name: string; supported: boolean } | null;
  guidelines: Guidelines;
}

export interface StaffRecord {
  id: string;
  name: string;
  role: Role;
}

/** The signing key the cloud gave a console for a staff member at an online sign-in. */
export interface StaffKeyRecord {
  keyId: string;
  consoleId: string;
  staffId: string;
  /** 32 random bytes, base64url: HMAC-SHA256 key of the staff member's proofs from that console. */
  secret: string;
  issuedAt: string;
}

export interface ConsoleRecord {
  id: string;
  /** The community the console was paired to: the only one it sees or touches. */
  communityId: string;
  name: string;
  /** A kiosk console may only carry the kiosk's actions. */
  kiosk: boolean;
  pairedAt: string;
}

export interface UnitRecord {
  id: string;
  number: string;
  buildingId: string;
  buildingName: string;
}

export interface DoorRecord {
  id: string;
  name: string;
  kind: DoorKind;
  unitId: string | null;
  buildingId: string | null;
  lockModel: LockModel;
}

export type EndReason = 'revoked' | 'expired' | 'used' | 'reissued';

export interface DoorSlot {
  doorId: string;
  slot: number;
}

export interface CredentialRecord {
  id: string;
  unitId: string;
  kind: CredentialKind;
  audience: Audience;
  schedule: Schedule;
  guest: Guest;
  pinCode: string | null;
  /** A Bluetooth credential's pass (base64url), null when its console sent none. */
  blePass: string | null;
  /** The instant the schedule ends, or null when it never does (permanent, open recurring). */
  endsAt: string | null;
  /** The console whose mutation granted it, and the granter's role: a kiosk may only act on a kiosk's grants there. */
  originConsoleId: string;
  grantedRole: Role | null;
  grantedAt: string;
  replaces: string | null;
  /** The vendor's visit it is part of (one bulk grant's credentials: one code, one text, ended as one), or null. */
  visitId: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  endedBy: string | null;
  doors: DoorSlot[];
}

/** A vendor approval as the cloud keeps it: who asked, and the first decision to reach the cloud. */
export interface ApprovalRecord {
  id: string;
  /** The vendor the access was asked for, as the request named them: for the sentences of its decision. */
  guestName: string;
  requestedById: string;
  requestedAt: string;
  expiresAt: string;
  state: 'pending' | 'approved' | 'declined';
  decidedById: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface NewApprovalRecord {
  id: string;
  requestedById: string;
  requestedAt: string;
  expiresAt: string;
  /** The request as the asking console sent it (approval.requested's payload). */
  request: Record<string, unknown>;
}

export interface ApprovalDecision {
  state: 'approved' | 'declined';
  byId: string;
  by: string;
  at: string;
  declineReason: string | null;
  outcome: string | null;
}

export type NewCredentialRecord = Omit<CredentialRecord, 'endedAt' | 'endReason' | 'endedBy'>;

export type MutationStatus = 'accepted' | 'rejected';

/** What the cloud answered a mutation, kept so a second delivery answers the same. */
export interface MutationResultRecord {
  mutationId: string;
  consoleId: string;
  seq: number;
  status: MutationStatus;
  code: string | null;
  reason: string | null;
  fix: Record<string, unknown> | null;
  /** The last change the mutation produced, if any. */
  cursor: number | null;
  settledAt: string;
}

export interface ChangeActor {
  id: string;
  name: string;
  role: Role | null;
}

export interface ChangeInput {
  kind: string;
  payload: Record<string, unknown>;
  /** The console whose mutation this is, or 'cloud' for what the cloud did on its own. */
  origin: string;
  mutationId: string | null;
  /** When it happened: the mutation's createdAt on its console, or the cloud's clock. */
  at: string;
  appliedAt: string;
  actor: ChangeActor | null;
  audit: { action: string; summary: string };
}

export interface Change extends ChangeInput {
  cursor: number;
}

export type TextReason = 'granted' | 'pin_changed' | 'resent';

export interface NewText {
  /** Unique per text: credentialId and why it is sent. A provider drops a repeat. */
  idempotencyKey: string;
  credentialId: string;
  reason: TextReason;
  to: string;
  body: string;
  queuedAt: string;
  /** The SHA-256 of the token in the text's link to the code's page (texts/guest-page.ts); null for a pass's text. */
  linkTokenHash: string | null;
}

/** Who is sending a text (one cloud instance's text delivery), and until when no other may. */
export interface TextClaim {
  by: string;
  until: string;
}

export interface QueuedText extends Omit<NewText, 'linkTokenHash'> {
  id: number;
  communityId: string;
  attempts: number;
}

export type PairingRefusal = 'unknown' | 'used' | 'expired';

export interface PairingCode {
  code: string;
  communityId: string;
  name: string;
  kiosk: boolean;
  expiresAt: string;
}

export interface NewConsole {
  pairingCode: string;
  consoleId: string;
  name: string;
  kiosk: boolean;
  tokenHash: string;
  at: string;
}

/** A console's audit-log head as the cloud recorded it at a sync round (docs/sync-api.md, Audit anchors). */
export interface AuditAnchor {
  seq: number;
  hash: string;
  receivedAt: string;
}

export interface AuditHeadInput {
  seq: number;
  hash: string;
}

/** backwards: before the latest, at a seq never recorded; contradicts: another hash for a recorded seq; not_chained: `previous` is not the latest. */
export type AnchorRefusal = 'backwards' | 'contradicts' | 'not_chained';

export type AnchorTaken = { taken: AuditAnchor; isNew: boolean } | { refused: AnchorRefusal; latest: AuditAnchor };

/** A PIN code set aside for one console to draw from (POST /v1/pin-leases). */
export interface LeasedPin {
  code: string;
  expiresAt: string;
}

/**
 * Code leases inside a transaction (src/cloud/leases). "Taken" means live on a door (not
 * ended, its schedule not over) or leased to a console and not expired.
 */
export interface PinLeaseTx {
  /** The lock models the community's doors use: which PIN lengths there are, which keypads lack an Enter key. */
  doorLockModels(): Promise<LockModel[]>;
  /** Whether any of these codes is taken. */
  pinsTaken(codes: readonly string[], now: string): Promise<boolean>;
  /** Whether a taken code of one of these lengths starts with `prefix` (and is longer). */
  pinsExtending(prefix: string, lengths: readonly number[], now: string): Promise<boolean>;
  leasedPins(consoleId: string, now: string): Promise<LeasedPin[]>;
  /**
   * Which of these candidate codes (all of one length) clash with a taken one: the same code,
   * a taken code of a `shorter` length that is a prefix of it, or a taken code of a `longer`
   * length that starts with it. One look for a whole lease's candidates.
   */
  pinsClashing(codes: readonly string[], shorter: readonly number[], longer: readonly number[], now: string): Promise<Set<string>>;
  leasePin(consoleId: string, code: string, at: string, expiresAt: string): Promise<void>;
  /** Leases many codes at once (one statement on PostgreSQL). */
  leasePins(consoleId: string, codes: readonly string[], at: string, expiresAt: string): Promise<void>;
  /** Forgets every expired lease and this console's codes not in `held`, and gives the rest a new expiry. */
  renewLease(consoleId: string, held: readonly string[], expiresAt: string, now: string): Promise<void>;
  /** Takes a code out of the console's lease; answers false when it was not leased to it (or expired). */
  takeLeasedPin(consoleId: string, code: string, now: string): Promise<boolean>;
}

/** One transaction: everything a mutation reads and writes, committed together or not at all. */
export interface CloudTx extends PinLeaseTx {
  /**
   * Runs `body` inside a savepoint of this transaction: when it throws, everything it wrote
   * is undone (the transaction itself goes on, usable) and the error is thrown on. A push
   * settles each mutation of its batch in one, so a refused one changes nothing.
   */
  savepoint<T>(body: () => Promise<T>): Promise<T>;
  community(): Promise<CommunityRecord>;
  setGuidelines(guidelines: Guidelines): Promise<void>;
  staffMember(id: string): Promise<StaffRecord | null>;
  /** The community's kiosk identity (the staff member with the kiosk role, first by name): who a kiosk console acts as. */
  kioskStaff(): Promise<StaffRecord | null>;
  /** A key not ended with its console. */
  staffKey(keyId: string): Promise<StaffKeyRecord | null>;
  unit(id: string): Promise<UnitRecord | null>;
  doors(ids: readonly string[]): Promise<DoorRecord[]>;

  credential(id: string): Promise<CredentialRecord | null>;
  insertCredential(credential: NewCredentialRecord): Promise<void>;
  endCredential(id: string, end: { reason: EndReason; by: string; at: string }): Promise<void>;
  /** Every credential of a visit, ended ones too, in no promised order; their doors are not read (empty). */
  visitCredentials(visitId: string): Promise<CredentialRecord[]>;
  /** Live: not ended, and its schedule not over at `now`. */
  liveCredentialInSlot(doorId: string, slot: number, now: string): Promise<string | null>;
  /** Which of these door slots a live credential holds: all a grant's doors in one look (one round trip on PostgreSQL). */
  heldSlots(asked: readonly DoorSlot[], now: string): Promise<DoorSlot[]>;
  liveSlots(doorId: string, now: string): Promise<number[]>;

  approval(id: string): Promise<ApprovalRecord | null>;
  insertApproval(approval: NewApprovalRecord): Promise<void>;
  /** Decides a pending request; answers false when it was no longer pending. */
  decideApproval(id: string, decision: ApprovalDecision): Promise<boolean>;

  mutationResult(mutationId: string): Promise<MutationResultRecord | null>;
  /** The answers already recorded for any of these mutations: a push's batch looks them all up at once. */
  mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>>;
  /** Records the answer and moves the console's last applied seq; throws if seq is not after it. */
  recordMutationResult(result: MutationResultRecord): Promise<void>;
  appendChange(change: ChangeInput): Promise<number>;

  queueText(text: NewText): Promise<void>;
  /**
   * Each answers false, changing nothing, when the text is no longer `claimant`'s to settle:
   * its claim lapsed and another instance took it over (and maybe settled it already).
   */
  markTextSent(id: number, claimant: string, providerMessageId: string, at: string): Promise<boolean>;
  markTextRetry(id: number, claimant: string, error: string, nextAttemptAt: string): Promise<boolean>;
  markTextFailed(id: number, claimant: string, error: string, at: string): Promise<boolean>;
}

/** The cloud as a whole: communities, pairing, tokens, the text queue; the rest through `forCommunity`. */
/** What a guest's code page shows, found by the token of a text's link (texts/guest-page.ts). */
export interface GuestPageRecord {
  communityName: string;
  timeZone: string;
  unitLabel: string;
  pinCode: string | null;
  schedule: Schedule;
  /** When the schedule ends (null: never), and when staff or a console ended it. */
  endsAt: string | null;
  endedAt: string | null;
}

export interface CloudStore {
  /** Every community the cloud holds, by id. */
  communities(): Promise<CommunityRecord[]>;
  /** Adds a community from its file; throws CommunityExists when its id is taken. */
  addCommunity(file: CommunityFile): Promise<CommunityRecord>;
  /** The store as one community sees it: every read and write scoped to `communityId`. */
  forCommunity(communityId: string): CommunityStore;

  /** Uses the code up and records the console, in the code's community, with its token's hash, at once. */
  pairConsole(console: NewConsole): Promise<{ paired: ConsoleRecord } | { refused: PairingRefusal }>;
  consoleByTokenHash(tokenHash: string): Promise<ConsoleRecord | null>;
  /** The credential a text's link leads to, by the hash of the link's token, in whichever community sent it. */
  guestPage(linkTokenHash: string): Promise<GuestPageRecord | null>;

  /**
   * One try at a limited thing (pairing codes per client address, passcodes per console and
   * staff member: http/attempt-throttle.ts), counted in the store so instances share the
   * counts. Cloud-wide: a pairing try has no community yet; a sign-in's key names the
   * console's community. Tries at one key take turns, on every instance: each is checked
   * only once the one before it has been counted, so guesses sent at once gain nothing, and
   * right answers at once (consoles paired together from one office) never count.
   * Answers the wait left when `key` is blocked at `at`, without running `check`; else runs
   * it and answers 0. A false check counts a failure (from zero when the key's last was before
   * `forgetBefore`) and blocks the key for `delayFor(failures)`; a true one forgets the key;
   * one that throws changes nothing.
   */
  attempt(limit: string, key: string, at: string, forgetBefore: string, delayFor: (failures: number) => number, check: () => Promise<boolean>): Promise<number>;

  /**
   * Whether an error of this store is passing (busy, locked, out of disk, unreachable): the
   * request answers 5xx and the console tries again. Any other error while applying a
   * mutation would come back the same every time, so the mutation is refused for good.
   */
  isTransient(error: unknown): boolean;

  /**
   * Calls `listener` after changes commit in another process sharing the store (PostgreSQL:
   * LISTEN/NOTIFY), and maybe after this process's own; answers how to stop. The SQLite store
   * has no other writer of changes, so it never calls it: the server wakes its own pulls.
   */
  watchChanges(listener: () => void): () => void;

  /**
   * Takes up to `limit` due texts, of every community (each says whose it is), for one sender
   * until `claim.until`: no other instance sends them meanwhile (PostgreSQL: FOR UPDATE SKIP
   * LOCKED, so instances never wait on each other). A claim whose instance died lapses, and the
   * text is taken over. SQLite has one sender.
   */
  claimDueTexts(now: string, limit: number, claim: TextClaim): Promise<QueuedText[]>;
  /** When the next pending text is due (or its claim lapses), or null when none waits. */
  nextTextDue(): Promise<string | null>;

  /**
   * Why this instance should not take requests now (GET /readyz): the store does not answer,
   * or a migration this code needs is not applied. Null when it is ready.
   */
  notReadyBecause(): Promise<string | null>;

  close(): Promise<void>;
}

/** A community's id already in the cloud: the operator picks another id in the file. */
export class CommunityExists extends Error {
  constructor(readonly communityId: string) {
    super(`The cloud already holds a community with id "${communityId}"; give the new one another id in its file.`);
    this.name = 'CommunityExists';
  }
}

/** An id the cloud holds no community under. */
export class UnknownCommunity extends Error {
  constructor(readonly communityId: string) {
    super(`The cloud holds no community with id "${communityId}"; --community-add prints the ids of the communities it adds.`);
    this.name = 'UnknownCommunity';
  }
}

/** One community's part of the store: nothing here reads or writes another community's rows. */
export interface CommunityStore {
  readonly communityId: string;
  community(): Promise<CommunityRecord>;

  /** A single-use code for `npm run cloud -- --pair`; only its hash is kept. Throws UnknownCommunity. */
  createPairingCode(name: string, options?: { kiosk?: boolean; now?: Date; validForMs?: number }): Promise<PairingCode>;
  /** Ends the console's token and every staff key it was given; its code lease goes back to the pool. */
  revokeConsole(consoleId: string, at: string): Promise<void>;

  /** A staff member and their passcode's hash (null when the store has none yet). */
  staffWithPasscode(staffId: string): Promise<{ staff: StaffRecord; passcodeHash: string | null } | null>;
  staffWithoutPasscode(): Promise<string[]>;
  setStaffPasscode(staffId: string, passcodeHash: string): Promise<void>;
  /** Stores a new key for the console and staff member, or answers the one the pair already has. */
  issueStaffKey(key: StaffKeyRecord): Promise<StaffKeyRecord>;

  lastSeq(consoleId: string): Promise<number>;
  mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>>;
  /**
   * Runs `body` while no other push of this console runs: a push checks the order of its
   * whole batch first, then applies it, and nothing of the same console may come between.
   */
  withConsoleLock<T>(consoleId: string, body: () => Promise<T>): Promise<T>;
  transaction<T>(body: (tx: CloudTx) => Promise<T>): Promise<T>;

  /** The community's changes after a cursor, in cursor order; cursors are given in commit order within a community. */
  changesAfter(after: number, limit: number): Promise<{ changes: Change[]; more: boolean }>;
  /** The console that granted each of these credentials (those the cloud knows). */
  credentialOrigins(credentialIds: readonly string[]): Promise<Map<string, string>>;

  /** Keeps a console's new audit-log head, append-only, chained to its latest one. */
  takeAuditAnchor(consoleId: string, head: AuditHeadInput, previous: AuditHeadInput | null, at: string): Promise<AnchorTaken>;
  latestAuditAnchor(consoleId: string): Promise<AuditAnchor | null>;

  /** As CloudStore's: whether an error passes. */
  isTransient(error: unknown): boolean;
}
