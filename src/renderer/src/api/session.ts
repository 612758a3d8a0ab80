import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Session, SignInRequest, StaffMember } from '../../../shared/domain';
import { call, CommandError } from './porter-client';
import { queryKeys } from './query-keys';

/** A session with somebody signed in: what the console's pages are rendered for. */
export type SignedInSession = Session & { operator: StaffMember };

export function isSignedIn(session: Session): session is SignedInSession {
  return session.operator !== null;
}

/** The staff who may sign in on this console. Read under the 'session' topic, kept across sign-ins. */
const staffKey = () => [...queryKeys.session(), 'staff'] as const;

/**
 * A new operator (or none) on this window: everything read for the previous one is dropped,
 * so nobody sees data cached under somebody else's role. Session queries stay and are updated.
 */
export function showSession(client: QueryClient, session: Session): void {
  client.setQueryData(queryKeys.session(), session);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session()[0] });
}

/**
 * The core answered 'signed_out': show the sign-in screen at once, then ask the core who is
 * signed in (a reconnected window may have a session of its own) so the screen is truthful.
 */
export function showSignedOut(client: QueryClient): void {
  const session = client.getQueryData<Session>(queryKeys.session());
  if (session && session.operator !== null) showSession(client, { ...session, operator: null });
  void client.invalidateQueries({ queryKey: queryKeys.session(), exact: true });
}

export function isSignedOutError(error: unknown): boolean {
  return error instanceof CommandError && error.code === 'signed_out';
}

export function useStaffList() {
  return useQuery({
    queryKey: staffKey(),
    queryFn: () => call('staff.list', {}),
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation<Session, CommandError, SignInRequest>({
    mutationFn: (request) => call('staff.signIn', request),
    onSuccess: (session) => showSession(client, session),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation<Session, CommandError, void>({
    mutationFn: () => call('staff.signOut', {}),
    onSuccess: (session) => showSession(client, session),
  });
}
