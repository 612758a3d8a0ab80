import { Button, DialogTrigger } from 'react-aria-components';
import type { BulkGrantRequest } from '../../../../shared/domain';
import { ModalDialog } from '../../components/ModalDialog';
import { BulkGrantContent } from '../access/BulkGrantDialog';
import '../access/access.css';

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
    <DialogTrigger>
      <Button className="button button--primary button--small" isDisabled={isDisabled}>
        Grant to selected…
      </Button>
      <ModalDialog title="Grant to selected units" size="wide">
        {(close) => <BulkGrantContent close={close} fixedTarget={{ target, count, description }} />}
      </ModalDialog>
    </DialogTrigger>
  );
}
