import { lazy } from 'react';
import { Button } from 'react-aria-components';
import type { BulkGrantRequest } from '../../../../shared/domain';
import { LazyDialogTrigger } from '../../components/LazyDialogTrigger';

const GrantToSelectedModal = lazy(() => import('./GrantToSelectedModal').then((m) => ({ default: m.GrantToSelectedModal })));

interface Props {
  target: BulkGrantRequest['target'];
  count: number;
  /** "3 units picked in the grid", "All 42 units matching the filters". */
  description: string;
  isDisabled?: boolean;
}

/** "Grant to selected…": the bulk grant form for the grid's selection, then the outcome per unit. */
export function GrantToSelectedDialog({ target, count, description, isDisabled }: Props) {
  return (
    <LazyDialogTrigger
      trigger={
        <Button className="button button--primary button--small" isDisabled={isDisabled}>
          Grant to selected…
        </Button>
      }
    >
      <GrantToSelectedModal target={target} count={count} description={description} />
    </LazyDialogTrigger>
  );
}
