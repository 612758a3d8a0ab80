import type { CommandInput, CommandName, CommandOutput } from '../../src/shared/contract';
import type { DoorJob, HardwareOverview, Programmer } from '../../src/shared/domain';
import { trainingHardware } from '../../simulators/training/training-hardware';
import { benchHardware } from './bench-hardware';
import { openTestConsole, type TestConsole } from './test-console';

/** A training console on the demo community with one simulated key-programmer plugged in. */
export interface HardwareConsole extends TestConsole {
  call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  /** Polls the overview (as the page does on each 'doors' event) until `probe` answers. */
  until<T>(probe: (o: HardwareOverview) => T | null | undefined | false): Promise<T>;
  programmer(): Promise<Programmer>;
  /** Puts a door's simulated lock on the programmer's cable and waits until the console sees it. */
  attach(programmerId: string, doorId: string): Promise<Programmer>;
  /** Waits for the programmer's job to end. */
  finished(programmerId: string): Promise<DoorJob>;
}

/**
 * `bench: true`: a product console with the simulated programmer on the test's bench instead
 * (it syncs; doors are attached by the test's hands, not by a training command).
 */
export function openHardwareConsole(options: Omit<NonNullable<Parameters<typeof openTestConsole>[1]>, 'hardware'> & { bench?: boolean } = {}): HardwareConsole {
  const { bench: onBench, ...rest } = options;
  const bench = onBench ? benchHardware() : null;
  const t = openTestConsole(undefined, { hardware: bench?.provider ?? trainingHardware, ...rest });
  const call = async <C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
    const answer = await t.core.dispatch(command, input);
    if (!answer.ok) throw Object.assign(new Error(`${command}: ${answer.error.message}`), { code: answer.error.code });
    return answer.value as CommandOutput<C>;
  };
  const until = async <T>(probe: (o: HardwareOverview) => T | null | undefined | false): Promise<T> => {
    for (;;) {
      const found = probe(await call('hardware.overview', {}));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const programmer = () => until((o) => o.programmers.find((p) => p.serial !== null && p.state === 'ready'));
  return {
    ...t,
    call,
    until,
    programmer,
    async attach(programmerId, doorId) {
      if (bench) await bench.hands({ action: 'attach', programmerId, doorId });
      else await call('training.simulate', { action: 'attach', programmerId, doorId });
      return until((o) => o.programmers.find((p) => p.id === programmerId && p.door?.door?.id === doorId));
    },
    finished: (programmerId) =>
      until((o) => {
        const job = o.programmers.find((p) => p.id === programmerId)?.job;
        return job && job.status !== 'running' ? job : null;
      }),
  };
}
