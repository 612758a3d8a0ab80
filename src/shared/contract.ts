/**
 * The one contract between the renderer and the core. Every command and event is listed
 * here with its schema; the Electron IPC carrier and the browser host's WebSocket carrier
 * both serve exactly this table. Main must register a handler for every command (see
 * src/main/ipc/handlers.ts: a missing one does not compile).
 */
import { z } from 'zod';
import {
  ActivityPage,
  ActivityQuery,
  allRoles,
  Community,
  Credential,
  GrantRequest,
  HardwareOverview,
  Id,
  RevokeRequest,
  type Role,
  Session,
  UnitPage,
  UnitQuery,
  UnitRow,
} from './domain';

const NoInput = z.object({}).strict();
const staff: readonly Role[] = ['manager', 'leasing', 'kiosk'];

type CommandSpec = { input: z.ZodType; output: z.ZodType; roles: readonly Role[] };

export const commands = {
  /** Renderer asks who is at the console and for which community; core answers. */
  'session.get': { input: NoInput, output: Session, roles: allRoles },
  /** Renderer loads the community: time zone, guidelines, buildings and floors. */
  'community.get': { input: NoInput, output: Community, roles: allRoles },
  /** Units grid asks for one sorted, filtered window of units. */
  'units.list': { input: UnitQuery, output: UnitPage, roles: allRoles },
  /** Unit detail asks for one unit's row and every credential on it, revoked included. */
  'units.get': {
    input: z.object({ unitId: Id }).strict(),
    output: z.object({ unit: UnitRow, credentials: z.array(Credential) }),
    roles: allRoles,
  },
  /** Grant form grants a guest access to a unit; answers the new credential. */
  'access.grant': { input: GrantRequest, output: Credential, roles: staff },
  /** Staff revoke a credential from every door it covers. */
  'access.revoke': { input: RevokeRequest, output: Credential, roles: staff },
  /** Activity page reads the audit log, newest first. */
  'activity.list': { input: ActivityQuery, output: ActivityPage, roles: ['manager', 'leasing'] },
  /** Hardware page: lock models in service and doors waiting to be programmed. */
  'hardware.overview': { input: NoInput, output: HardwareOverview, roles: ['manager', 'maintenance'] },
} as const satisfies Record<string, CommandSpec>;

export const DataTopic = z.enum(['units', 'credentials', 'activity', 'doors']);
export type DataTopic = z.infer<typeof DataTopic>;

export const events = {
  /** Core tells every window which data changed, so the renderer invalidates those queries. */
  'data.changed': z.object({ topics: z.array(DataTopic).min(1) }),
} as const satisfies Record<string, z.ZodType>;

export type CommandName = keyof typeof commands;
export type EventName = keyof typeof events;
export type CommandInput<C extends CommandName> = z.input<(typeof commands)[C]['input']>;
export type ParsedInput<C extends CommandName> = z.output<(typeof commands)[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<(typeof commands)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const commandNames = Object.keys(commands) as CommandName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Raw payloads over this size are refused before parsing. */
export const maxPayloadBytes = 64 * 1024;

/** What the preload exposes as window.porter; the browser host's bridge provides the same. */
export interface PorterApi {
  invoke<C extends CommandName>(
    command: C,
    input: CommandInput<C>,
  ): Promise<import('./envelope').Envelope<CommandOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
