import type { AuditHead, ChainFinding, ChainVerification } from '../../../../shared/domain';

/*
 * "Verify audit chain" in words a person understands: what is wrong with the log, entry by
 * entry, and what it was checked against. Pure, so the sentences are tested on their own.
 */

const n = (seq: number): string => seq.toLocaleString('en-US');
const entries = (from: number, to: number): string => (from === to ? `Entry ${n(from)}` : `Entries ${n(from)} to ${n(to)}`);
const holder = { cloud: 'the cloud', export: 'the export', keychain: 'this console’s key', chain: 'the log' } as const;

export function findingWords(f: ChainFinding): string {
  const one = f.fromSeq === f.toSeq;
  switch (f.kind) {
    case 'edited':
      return `${entries(f.fromSeq, f.toSeq)} ${one ? 'was' : 'were'} changed after ${one ? 'it was' : 'they were'} written: ${one ? 'it no longer matches its seal' : 'they no longer match their seals'}.`;
    case 'removed':
      return `${entries(f.fromSeq, f.toSeq)} ${one ? 'is' : 'are'} missing from the middle of the log.`;
    case 'rewritten':
      return f.source === 'chain'
        ? `The log was rewritten from entry ${n(f.fromSeq)} on: ${one ? 'that entry no longer carries' : 'its entries no longer carry'} this console’s seal, so ${one ? 'it was' : 'they were'} recomputed outside Porter.`
        : `The log was rewritten: ${holder[f.source]} holds a different entry ${n(f.heldSeq ?? f.toSeq)} than this console’s log.`;
    case 'truncated':
      return f.source === 'keychain'
        ? `The log was cut short: this console’s key began at entry ${n(f.heldSeq ?? f.toSeq)}, this console’s log ends at ${n(f.fromSeq - 1)}.`
        : `The log was cut short: ${holder[f.source]} holds entry ${n(f.heldSeq ?? f.toSeq)}, this console’s log ends at ${n(f.fromSeq - 1)}.`;
    case 'extended':
      return `${entries(f.fromSeq, f.toSeq)} at the end of the log ${one ? 'was' : 'were'} not written by Porter: ${one ? 'it carries' : 'they carry'} no seal of this console’s key.`;
    case 'unverifiable':
      return `${entries(f.fromSeq, f.toSeq)} ${one ? 'was' : 'were'} sealed with a key this console no longer holds (its keychain lost it, or the data folder came from another computer), so ${one ? 'it cannot' : 'they cannot'} be checked.`;
  }
}

export function verificationTitle(v: ChainVerification): string {
  if (v.intact) return 'Audit chain intact.';
  if (v.findings.every((f) => f.kind === 'unverifiable')) return 'Part of the audit log cannot be checked.';
  return v.firstBrokenSeq !== null ? `The audit log has been altered at entry #${v.firstBrokenSeq}.` : 'The audit log has been altered.';
}

/** What the log was checked against besides itself, and what that could not rule out. */
export function checkedAgainstWords(v: ChainVerification): string[] {
  const words: string[] = [];
  if (v.cloud.state === 'checked' && v.cloud.seq !== null) words.push(`Checked against the cloud’s record of this log’s end (entry ${n(v.cloud.seq)}).`);
  if (v.cloud.state === 'no_anchor') words.push('The cloud holds no record of this log’s end yet.');
  if (v.cloud.state === 'unreachable') words.push('The cloud could not be reached, so a log cut short or rewritten since the last sync could not be ruled out.');
  if (v.exportSeq !== null) words.push(`Checked against the export’s closing line (entry ${n(v.exportSeq)}).`);
  if (v.cloud.state === 'not_set_up' && v.exportSeq === null) words.push('With no cloud and no export to compare with, a log cut short could not be ruled out.');
  return words;
}

/** The closing line of a CSV export ("chain head,<seq>,<hash>,…"), or null when the file has none. */
export function exportHeadOf(csv: string): AuditHead | null {
  const line = csv.trimEnd().split(/\r?\n/).at(-1) ?? '';
  const m = /^chain head,(\d+),([0-9a-f]{64}),/.exec(line);
  return m ? { seq: Number(m[1]), hash: m[2]! } : null;
}
