// The lock schedule model lives in src/shared/domain, where devices may use it too. This path
// stays only for the simulators until they move out of src (issue 13); then it goes.
export * from '../../../shared/domain/matter-door-lock';
