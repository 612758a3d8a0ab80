import { describe, expect, it } from 'vitest';
import type { ChainFinding, ChainVerification } from '../../src/shared/domain';
import { checkedAgainstWords, exportHeadOf, findingWords, verificationTitle } from '../../src/renderer/src/features/activity/chain-words';

const finding = (f: Partial<ChainFinding> & Pick<ChainFinding, 'kind'>): ChainFinding => ({ fromSeq: 1, toSeq: 1, source: 'chain', heldSeq: null, ...f });
const verification = (v: Partial<ChainVerification>): ChainVerification => ({
  intact: false,
  entries: 1187,
  lastSeq: 1187,
  firstBrokenSeq: null,
  findings: [],
  sealedFrom: 1,
  cloud: { state: 'checked', seq: 1204 },
  exportSeq: null,
  ...v,
});

describe('the verification in words', () => {
  it('says each of the four tamperings the way a person reads it', () => {
    expect(findingWords(finding({ kind: 'truncated', fromSeq: 1188, toSeq: 1204, source: 'cloud', heldSeq: 1204 }))).toBe(
      'The log was cut short: the cloud holds entry 1,204, this console’s log ends at 1,187.',
    );
    expect(findingWords(finding({ kind: 'truncated', fromSeq: 40, toSeq: 52, source: 'export', heldSeq: 52 }))).toBe('The log was cut short: the export holds entry 52, this console’s log ends at 39.');
    expect(findingWords(finding({ kind: 'edited', fromSeq: 1042, toSeq: 1042 }))).toBe('Entry 1,042 was changed after it was written: it no longer matches its seal.');
    expect(findingWords(finding({ kind: 'rewritten', fromSeq: 1, toSeq: 1187 }))).toBe(
      'The log was rewritten from entry 1 on: its entries no longer carry this console’s seal, so they were recomputed outside Porter.',
    );
    expect(findingWords(finding({ kind: 'rewritten', fromSeq: 1204, toSeq: 1204, source: 'cloud', heldSeq: 1204 }))).toBe(
      'The log was rewritten: the cloud holds a different entry 1,204 than this console’s log.',
    );
    expect(findingWords(finding({ kind: 'extended', fromSeq: 1188, toSeq: 1190 }))).toBe(
      'Entries 1,188 to 1,190 at the end of the log were not written by Porter: they carry no seal of this console’s key.',
    );
    expect(findingWords(finding({ kind: 'removed', fromSeq: 7, toSeq: 7 }))).toBe('Entry 7 is missing from the middle of the log.');
    expect(findingWords(finding({ kind: 'unverifiable', fromSeq: 1, toSeq: 300 }))).toMatch(/^Entries 1 to 300 were sealed with a key this console no longer holds/);
  });

  it('titles the result, and says what it was checked against and what that leaves open', () => {
    expect(verificationTitle(verification({ intact: true }))).toBe('Audit chain intact.');
    expect(verificationTitle(verification({ firstBrokenSeq: 12, findings: [finding({ kind: 'edited', fromSeq: 12, toSeq: 12 })] }))).toBe('The audit log has been altered at entry #12.');
    expect(verificationTitle(verification({ findings: [finding({ kind: 'truncated', fromSeq: 1188, toSeq: 1204, source: 'cloud', heldSeq: 1204 })] }))).toBe('The audit log has been altered.');
    expect(verificationTitle(verification({ firstBrokenSeq: 1, findings: [finding({ kind: 'unverifiable', toSeq: 30 })] }))).toBe('Part of the audit log cannot be checked.');
    expect(checkedAgainstWords(verification({ exportSeq: 900 }))).toEqual(['Checked against the cloud’s record of this log’s end (entry 1,204).', 'Checked against the export’s closing line (entry 900).']);
    expect(checkedAgainstWords(verification({ cloud: { state: 'unreachable', seq: null } }))[0]).toMatch(/could not be reached/);
    expect(checkedAgainstWords(verification({ cloud: { state: 'not_set_up', seq: null } }))).toEqual(['With no cloud and no export to compare with, a log cut short could not be ruled out.']);
  });

  it('reads an export’s closing line, and nothing from a file without one', () => {
    const hash = 'ab'.repeat(32);
    expect(exportHeadOf(`seq,at_utc\r\n1,2025-01-01T00:00:00Z\r\nchain head,1204,${hash},,,,,keep this line\r\n`)).toEqual({ seq: 1204, hash });
    expect(exportHeadOf('seq,at_utc\n1,2025\n')).toBeNull();
    expect(exportHeadOf(`chain head,12,${hash.slice(2)},,`)).toBeNull();
  });
});
