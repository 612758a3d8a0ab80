import type { QueryClient } from '@tanstack/react-query';
import type { CommandInput, CommandName, CommandOutput, PorterApi } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';
import { firstUnitWindow } from '../features/units/first-window';
import { call } from './porter-client';
import { queryKeys } from './query-keys';

/** One answer asked before the app's code has loaded; `settled` once it has come. */
interface EarlyAnswer<C extends CommandName> {
  key: readonly unknown[];
  input: CommandInput<C>;
  answer: Promise<Envelope<CommandOutput<C>>>;
  settled?: Envelope<CommandOutput<C>>;
}

/** Who is signed in, and the units grid's first window: what the first paint shows. */
export interface FirstAnswers {
  session: EarlyAnswer<'session.get'>;
  unitWindow: EarlyAnswer<'units.list'> | null;
}

function ask<C extends CommandName>(porter: PorterApi, command: C, key: readonly unknown[], input: CommandInput<C>): EarlyAnswer<C> {
  // Never a rejection (an Electron invoke may throw): a failed ask is an answer not used.
  const answer = porter.invoke(command, input).catch((): Envelope<CommandOutput<C>> => ({ ok: false, error: { code: 'internal', message: 'The core did not answer.' } }));
  const early: EarlyAnswer<C> = { key, input, answer };
  void early.answer.then((envelope) => (early.settled = envelope));
  return early;
}

/**
 * Asks the core for the first paint's answers as soon as it is reachable, while the app's code
 * still loads: the core answers meanwhile, and the first render has them. Without this the
 * grid's window would be asked only once the session's answer had been rendered.
 */
export function askFirstAnswers(porter: PorterApi, hash: string): FirstAnswers {
  const window = firstUnitWindow(hash);
  return {
    session: ask(porter, 'session.get', queryKeys.session(), {}),
    unitWindow: window && ask(porter, 'units.list', window.key, window.input),
  };
}

/**
 * Puts the first answers into the query cache before the first render. The session's has come
 * (main.tsx waits for it). The grid's window, when somebody is signed in: at once if it has come
 * (the first render draws the rows), else when it comes, as the grid's own query; a refusal is
 * asked again by that query, which shows it as any other.
 */
export function seedFirstAnswers(client: QueryClient, first: FirstAnswers): void {
  const session = first.session.settled;
  if (!session?.ok) return;
  client.setQueryData(first.session.key, session.value);
  const early = first.unitWindow;
  if (!early || session.value.operator === null) return;
  if (early.settled?.ok) client.setQueryData(early.key, early.settled.value);
  else if (!early.settled)
    void client.prefetchQuery({
      queryKey: early.key,
      queryFn: async () => {
        const envelope = await early.answer;
        return envelope.ok ? envelope.value : call('units.list', early.input);
      },
    });
}
