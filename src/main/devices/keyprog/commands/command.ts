import { ByteReader, ByteWriter } from '../../framing/bytes';
import { deviceStatuses, type DeviceStatus, type RefusalStatus } from './device-status';

/*
 * One command of the key-programmer's application protocol, both ends of it:
 * - the console encodes arguments into a MSG payload, [command code u8][args...], and decodes
 *   the answer, [status u8][data...];
 * - the (simulated) programmer decodes those arguments and encodes its answer.
 * Keeping the four next to each other in one file per command keeps the two ends in step.
 * (After Ledger device-sdk-ts's Command: one file each, a result that is data, not a throw.)
 */

/** An answer the console could not read. Not a device status: the bytes themselves are wrong. */
export type Malformed = { readonly status: 'malformed'; readonly reason: string };
export type Ok<Data> = { readonly status: 'ok' } & Data;
export type Refused<S extends RefusalStatus> = { readonly status: S };
export type NoData = Record<never, never>;

export type ArgsParse<Args> = { readonly ok: true; readonly args: Args } | { readonly ok: false; readonly reason: string };

export interface Codec<T> {
  write(w: ByteWriter, value: T): void;
  read(r: ByteReader): T;
}

export const noArgs: Codec<void> = { write: () => undefined, read: () => undefined };
export const noData: Codec<NoData> = { write: () => undefined, read: () => ({}) };

export interface KeyProgrammerCommand<Args, Result extends { readonly status: DeviceStatus }> {
  readonly code: number;
  readonly name: string;
  /** The refusals this command may answer; any other status is a malformed answer. */
  readonly refusals: readonly RefusalStatus[];
  /** Console side: the MSG payload. */
  encode(args: Args): Uint8Array;
  /** Console side: the answer as data. */
  decode(response: Uint8Array): Result | Malformed;
  /** Door side: the arguments of a payload, or why they do not parse (answered as invalid_arguments). */
  decodeArgs(payload: Uint8Array): ArgsParse<Args>;
  /** Door side: the answer's bytes. */
  encodeResult(result: Result): Uint8Array;
}

export type ArgsOf<C> = C extends KeyProgrammerCommand<infer Args, infer _Result> ? Args : never;
export type ResultOf<C> = C extends KeyProgrammerCommand<infer _Args, infer Result> ? Result : never;

/** For refusals that carry more than their status byte (STAGE_PUT names the refused slot). */
export interface RefusalCodec<S extends RefusalStatus, R extends Refused<S>> {
  write(w: ByteWriter, refusal: R): void;
  read(r: ByteReader, status: S): R;
}

export interface CommandSpec<Args, Data, S extends RefusalStatus, R extends Refused<S>> {
  code: number;
  name: string;
  refusals: readonly S[];
  args: Codec<Args>;
  data: Codec<Data>;
  refusal?: RefusalCodec<S, R>;
}

const malformed = (name: string, reason: string): Malformed => ({ status: 'malformed', reason: `${name}: ${reason}` });

export function defineCommand<Args, Data, S extends RefusalStatus, R extends Refused<S> = Refused<S>>(
  spec: CommandSpec<Args, Data, S, R>,
): KeyProgrammerCommand<Args, Ok<Data> | R> {
  const refuses = (status: DeviceStatus): status is S => (spec.refusals as readonly DeviceStatus[]).includes(status);
  return {
    code: spec.code,
    name: spec.name,
    refusals: spec.refusals,

    encode(args) {
      const w = new ByteWriter().u8(spec.code, 'command code');
      spec.args.write(w, args);
      return w.finish();
    },

    decode(response) {
      if (response.length === 0) return malformed(spec.name, 'empty answer');
      const r = new ByteReader(response);
      const status = deviceStatuses.read(r);
      if (r.problem !== undefined) return malformed(spec.name, r.problem);
      if (status === 'ok') {
        const data = spec.data.read(r);
        const problem = r.finish();
        return problem === undefined ? { ...data, status: 'ok' as const } : malformed(spec.name, problem);
      }
      if (!refuses(status)) return malformed(spec.name, `answered ${status}, which it never does`);
      const refusal = spec.refusal ? spec.refusal.read(r, status) : ({ status } as R);
      const problem = r.finish();
      return problem === undefined ? refusal : malformed(spec.name, problem);
    },

    decodeArgs(payload) {
      const r = new ByteReader(payload);
      const code = r.u8('command code');
      if (code !== spec.code) r.fail(`command code 0x${code.toString(16)} is not ${spec.name}`);
      const args = spec.args.read(r);
      const problem = r.finish();
      return problem === undefined ? { ok: true, args } : { ok: false, reason: problem };
    },

    encodeResult(result) {
      const w = new ByteWriter();
      deviceStatuses.write(w, result.status);
      if (result.status === 'ok') spec.data.write(w, result as Ok<Data>);
      else spec.refusal?.write(w, result as R);
      return w.finish();
    },
  };
}
