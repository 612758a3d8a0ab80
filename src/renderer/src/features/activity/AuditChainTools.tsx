import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ActivityFilter } from '../../../../shared/domain';
import { useExportActivity, useVerifyAuditChain } from '../../api/activity';
import { useCommunityTime } from '../../components/community-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ChainCheck } from './ChainCheck';
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

  const runCheck = () =>
    verify.mutate(undefined, {
      onSuccess: (result) => {
        setCheckedAt(time.dateTime(new Date().toISOString()));
        onBrokenSeq(result.intact ? null : result.firstBrokenSeq);
      },
    });
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
          <Button className="button" onPress={runCheck} isPending={verify.isPending}>
            {verify.isPending ? 'Verifying…' : 'Verify audit chain'}
          </Button>
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
      {exported.error && <ErrorNotice error={exported.error} title="Could not export the log." />}
    </>
  );
}
