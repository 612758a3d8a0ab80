import { QueryClient } from '@tanstack/react-query';
import { CommandError } from '../api/porter-client';

/** Refused commands (bad input, forbidden, not found) are answers, not glitches: no retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof CommandError && error.code !== 'internal') return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
