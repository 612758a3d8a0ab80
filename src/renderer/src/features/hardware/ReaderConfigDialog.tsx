import { Button, DialogTrigger } from 'react-aria-components';
import type { Programmer } from '../../../../shared/domain';
import { useReaderConfig } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { ModalDialog } from '../../components/ModalDialog';
import { ReaderConfigForm } from './ReaderConfigForm';

interface Props {
  programmer: Programmer;
  isDisabled: boolean;
  describedBy: string | undefined;
}

/** "Configure reader…": reads the perimeter reader's configuration, edits it, writes it as a job. */
export function ReaderConfigDialog({ programmer, isDisabled, describedBy }: Props) {
  const door = programmer.door?.door;
  return (
    <DialogTrigger>
      <Button className="button" isDisabled={isDisabled} aria-describedby={describedBy}>
        Configure reader…
      </Button>
      <ModalDialog title={`Configure reader${door ? `: ${door.name}` : ''}`} size="wide">
        {(close) => <LoadThenEdit programmer={programmer} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function LoadThenEdit({ programmer, close }: { programmer: Programmer; close: () => void }) {
  const config = useReaderConfig(programmer.id);
  if (config.data) return <ReaderConfigForm programmerId={programmer.id} initial={config.data} close={close} />;
  return (
    <>
      {config.isPending && <LoadingState label="Reading the reader’s configuration…" />}
      {config.error && <ErrorNotice error={config.error} title="Could not read the reader’s configuration." />}
      <div className="form__actions">
        <Button className="button" onPress={close}>
          {config.error ? 'Close' : 'Cancel'}
        </Button>
      </div>
    </>
  );
}
