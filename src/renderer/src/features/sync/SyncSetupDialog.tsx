import { lazy } from 'react';
import { Button } from 'react-aria-components';
import type { SyncStatus } from '../../../../shared/domain';
import { LazyDialogTrigger } from '../../components/LazyDialogTrigger';

const SyncSetupModal = lazy(() => import('./SyncSetupModal').then((m) => ({ default: m.SyncSetupModal })));

/**
 * Admin only, from the status bar: pairs this console with the community's cloud. Offered as
 * "Set up cloud sync…" until it is set up, then as "Cloud setup…" to pair it again (a new
 * cloud, a lost token).
 */
export function SyncSetupDialog({ status }: { status: SyncStatus }) {
  return (
    <LazyDialogTrigger
      trigger={<Button className="button button--small">{status.state === 'not_set_up' ? 'Set up cloud sync…' : 'Cloud setup…'}</Button>}
    >
      <SyncSetupModal status={status} />
    </LazyDialogTrigger>
  );
}
