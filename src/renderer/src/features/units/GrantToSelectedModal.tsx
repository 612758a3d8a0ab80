import type { BulkGrantRequest } from '../../../../shared/domain';
import { ModalDialog } from '../../components/ModalDialog';
import { BulkGrantContent } from '../access/BulkGrantDialog';
import '../access/access.css';

interface Props {
  target: BulkGrantRequest['target'];
  count: number;
  description: string;
}

/** The bulk grant form for the grid's selection, in its dialog: loaded when first opened (see GrantToSelectedDialog). */
export function GrantToSelectedModal({ target, count, description }: Props) {
  return (
    <ModalDialog title="Grant to selected units" size="wide">
      {(close) => <BulkGrantContent close={close} fixedTarget={{ target, count, description }} />}
    </ModalDialog>
  );
}
