import { useRef, useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import type { ActivityFilter, VerifyRequest } from '../../../../shared/domain';
import { useExportActivity, useVerifyAuditChain } from '../../api/activity';
import { useCommunityTime } from '../../components/community-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ChainCheck } from './ChainCheck';
import { exportHeadOf } from './chain-words';
import { downloadTextFile } from './download-file';

interface Props {
  /** What the list shows; the export takes the same filter. */
  filter: ActivityFilter;
  onBrokenSeq: (seq: number | null) => void;
}

/** The page heading with its two tools, verify the hash chain and export what is shown as CSV, and their results. */
export function AuditChainTools({ filter, onBrokenSeq }: Props) {
  const time = useCommunityTime();
  const verify = useVerifyAuditChain();
  const exported = useExportActivity();
  const [checkedAt, setCheckedAt] = useState('');
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const exportInput = useRef<HTMLInputElement>(null);

  const runCheck = (request: VerifyRequest = {}) => {
    setUnreadable(null);
    verify.mutate(request, {
      onSuccess: (result) => {
        setCheckedAt(time.dateTime(new Date().toISOString()));
        onBrokenSeq(result.intact ? null : result.firstBrokenSeq);
      },
    });
  };
  // An earlier export's closing line holds the log's end as it was then: a log cut short or rewritten since shows.
  const compareWithExport = async (files: FileList | null) => {
    const file = files?.[0];
    // Cleared, so choosing the same file again (after the log changed) checks again.
    if (exportInput.current) exportInput.current.value = '';
    if (!file) return;
    const exportHead = exportHeadOf(await file.text());
    if (exportHead) runCheck({ exportHead });
    else setUnreadable(`${file.name} has no “chain head” closing line: choose a CSV file exported by Porter.`);
  };
  const runExport = () =>
    exported.mutate(filter, {
      onSuccess: (file) => downloadTextFile(file.fileName, file.csv, 'text/csv;charset=utf-8'),
    });

  return (
    <>
      <div className="page-heading activity__heading">
        <h2 className="page-heading__title">Activity</h2>
        <span className="page-heading__meta">Every change, in an append-only, hash-chained log</span>
        <div className="activity__tools">
          <Button className="button" onPress={() => runCheck()} isPending={verify.isPending}>
            {verify.isPending ? 'Verifying…' : 'Verify audit chain'}
          </Button>
          <FileTrigger ref={exportInput} acceptedFileTypes={['text/csv', '.csv']} onSelect={(files) => void compareWithExport(files)}>
            <Button className="button">Compare with an export…</Button>
          </FileTrigger>
          <Button className="button" onPress={runExport} isPending={exported.isPending}>
            {exported.isPending ? 'Exporting…' : 'Export CSV'}
          </Button>
        </div>
      </div>
      {/* A polite live region that is always there, so quiet results are announced when they appear. */}
      <div role="status" className="activity__live">
        {verify.data?.intact && <ChainCheck result={verify.data} checkedAt={checkedAt} />}
        {exported.data && (
          <p className="activity__export-status">
            Exported {exported.data.rows.toLocaleString()} {exported.data.rows === 1 ? 'entry' : 'entries'}
            {Object.keys(exported.variables ?? {}).length > 0 ? ' matching the filters' : ''} to{' '}
            {exported.data.fileName}.
          </p>
        )}
      </div>
      {verify.data && !verify.data.intact && <ChainCheck result={verify.data} checkedAt={checkedAt} />}
      {verify.error && <ErrorNotice error={verify.error} title="Could not verify the audit chain." />}
      {unreadable && (
        <p role="alert" className="activity__export-status">
          {unreadable}
        </p>
      )}
      {exported.error && <ErrorNotice error={exported.error} title="Could not export the log." />}
    </>
  );
}
