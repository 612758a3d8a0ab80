import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { CommandError } from '../api/porter-client';
import { isSignedOutError, showSignedOut } from '../api/session';

/** Refused commands (bad input, forbidden, not found) are answers, not glitches: no retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof CommandError && error.code !== 'internal') return false;
  return failureCount < 2;
}

/** Any query or command the core refuses with 'signed_out' sends the window back to the sign-in screen. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown): void => {
    if (isSignedOutError(error)) showSignedOut(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
