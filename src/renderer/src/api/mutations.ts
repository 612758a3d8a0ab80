import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommandName, CommandInput, CommandOutput } from '../../../shared/contract';
import type { BluetoothOverview, LiveNetworkOverview, SyncStatus } from '../../../shared/domain';
import { call, CommandError } from './porter-client';
import { queryKeys } from './query-keys';

/**
 * Granting, revoking, new dates, texts. No manual invalidation: the core announces what
 * changed with a 'data.changed' event and invalidation.ts refreshes the queries reading those topics.
 */
function useCommand<C extends CommandName>(command: C) {
  return useMutation<CommandOutput<C>, CommandError, CommandInput<C>>({
    mutationFn: (input) => call(command, input),
  });
}

export const useGrantAccess = () => useCommand('access.grant');
export const useBulkGrant = () => useCommand('access.bulkGrant');
export const useFinishBulkRun = () => useCommand('access.finishBulkRun');
export const useRevokeCredential = () => useCommand('access.revoke');
export const useRescheduleCredential = () => useCommand('access.reschedule');
export const useResendText = () => useCommand('access.resend');
export const useHandOverCode = () => useCommand('access.handOverCode');
/** The Guidelines page: an admin saves the community's guidelines. */
export const useSaveGuidelines = () => useCommand('community.updateGuidelines');
/** Vendor approvals: leasing asks, an admin approves (the grant is made then) or declines with a reason. */
export const useAskApproval = () => useCommand('approvals.request');
export const useApproveVendorAccess = () => useCommand('approvals.approve');
export const useDeclineVendorAccess = () => useCommand('approvals.decline');

/**
 * The Hardware page. Each job command answers with the job as it starts; its progress, steps
 * and end arrive as 'data.changed' events with topic 'doors', which refresh the overview.
 */
export const useProgramDoor = () => useCommand('hardware.program');
export const useResumeJob = () => useCommand('hardware.resume');
export const useReadDoorAudit = () => useCommand('hardware.readAudit');
export const useSetDoorClock = () => useCommand('hardware.setClock');
export const useAssignLock = () => useCommand('hardware.assignLock');
export const useConfigureReader = () => useCommand('hardware.configureReader');
/** The simulator panels (a training console only): plug, unplug, attach or detach a door, inject a fault. */
export const useSimulateHardware = () => useCommand('training.simulate');

/**
 * The Bluetooth section. A job on a Bluetooth lock is one of the job commands above with the
 * lock's id (`ble:<lock id>`) as its programmerId. These answer the Bluetooth overview after the
 * change, shown at once; the core's 'bluetooth' events refresh it as well.
 */
type BluetoothCommand = 'hardware.useDongle' | 'hardware.startBluetoothRound' | 'hardware.stopBluetoothRound' | 'hardware.commissionLock';
function useBluetoothCommand<C extends BluetoothCommand>(command: C) {
  const client = useQueryClient();
  return useMutation<BluetoothOverview, CommandError, CommandInput<C>>({
    mutationFn: (input) => call(command, input),
    onSuccess: (overview) => client.setQueryData(queryKeys.bluetooth(), overview),
  });
}

export const useChooseDongle = () => useBluetoothCommand('hardware.useDongle');
export const useStartBluetoothRound = () => useBluetoothCommand('hardware.startBluetoothRound');
export const useStopBluetoothRound = () => useBluetoothCommand('hardware.stopBluetoothRound');
/** A factory-new lock: its label's setup code and its door; refusals name 'setupCode' or 'doorId'. */
export const useCommissionLock = () => useBluetoothCommand('hardware.commissionLock');

/**
 * The Z-Wave section. Each answers the network's overview after the change, shown at once; the
 * core's 'live_locks' events move inclusion and the locks along after that.
 */
type LiveLockCommand =
  | 'hardware.useStick'
  | 'hardware.includeLock'
  | 'hardware.answerInclusionPin'
  | 'hardware.excludeLock'
  | 'hardware.stopInclusion'
  | 'hardware.assignLiveLock';
function useLiveLockCommand<C extends LiveLockCommand>(command: C) {
  const client = useQueryClient();
  return useMutation<LiveNetworkOverview, CommandError, CommandInput<C>>({
    mutationFn: (input) => call(command, input),
    onSuccess: (overview) => client.setQueryData(queryKeys.liveLocks(), overview),
  });
}

export const useChooseStick = () => useLiveLockCommand('hardware.useStick');
export const useIncludeLock = () => useLiveLockCommand('hardware.includeLock');
/** The DSK prompt's five digits, or null to stop; a refusal names 'pin'. */
export const useAnswerInclusionPin = () => useLiveLockCommand('hardware.answerInclusionPin');
export const useExcludeLock = () => useLiveLockCommand('hardware.excludeLock');
export const useStopInclusion = () => useLiveLockCommand('hardware.stopInclusion');
/** A refusal names 'doorId' or 'nodeId'. */
export const useAssignLiveLock = () => useLiveLockCommand('hardware.assignLiveLock');

/**
 * The status bar's "Sync now" and the cloud setup dialog. Each answers the status after its
 * round, which the status bar shows at once; the core's 'sync' event refreshes it as well.
 */
function useSyncCommand<C extends 'sync.now' | 'sync.setUp'>(command: C) {
  const client = useQueryClient();
  return useMutation<SyncStatus, CommandError, CommandInput<C>>({
    mutationFn: (input) => call(command, input),
    onSuccess: (status) => client.setQueryData(queryKeys.syncStatus(), status),
  });
}

export const useSyncNow = () => useSyncCommand('sync.now');
/** Admin only: pairs this console with a cloud; field refusals name 'url' or 'pairingCode'. */
export const useSetUpSync = () => useSyncCommand('sync.setUp');

/** The message to show staff for a failed command; unknown failures get a plain sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof CommandError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
