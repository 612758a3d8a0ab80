import { useMutation } from '@tanstack/react-query';
import type { GrantRequest, RevokeRequest } from '../../../shared/domain';
import { call, CommandError } from './porter-client';

/**
 * Granting and revoking. No manual invalidation: the core announces what changed with a
 * 'data.changed' event and invalidation.ts refreshes the queries reading those topics.
 */
export function useGrantAccess() {
  return useMutation<Awaited<ReturnType<typeof call<'access.grant'>>>, CommandError, GrantRequest>({
    mutationFn: (request) => call('access.grant', request),
  });
}

export function useRevokeCredential() {
  return useMutation<Awaited<ReturnType<typeof call<'access.revoke'>>>, CommandError, RevokeRequest>({
    mutationFn: (request) => call('access.revoke', request),
  });
}

/** The message to show staff for a failed command; unknown failures get a plain sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof CommandError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
