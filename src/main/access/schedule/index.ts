/**
 * Access schedules: wall-clock times in the community's zone, and what they mean for doors,
 * credential status, lock programming and the words staff read.
 */
export { checkSchedule, type CheckScheduleContext } from './check-schedule';
export { compileForLock } from './compile-for-lock';
export { credentialStatus, type CredentialStatusInput, type EndReason } from './credential-status';
export { describeSchedule } from '../../../shared/describe-schedule';
export { isOpenAt } from './is-open-at';
export { resolveSchedule, type ResolveContext } from './resolve-schedule';
export { scheduleBounds, type ScheduleBounds } from './schedule-bounds';
