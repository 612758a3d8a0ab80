/**
 * The one contract between the renderer and the core. Every command and event is listed
 * here with its schema (the roles that may run each command are in contract-roles.ts, free of
 * zod for the renderer's first paint); the Electron IPC carrier and the
 * browser host's WebSocket carrier both serve exactly this table. Main must register a
 * handler for every command (src/main/ipc/handlers.ts: a missing one does not compile).
 */
import { z } from 'zod';
import {
  AccessPreview,
  AccessPreviewRequest,
  ActivityExport,
  ExposureQuery,
  RevocationExposure,
  ActivityFilter,
  ActivityPage,
  ActivityQuery,
  BluetoothOverview,
  BulkAccessPreview,
  BulkGrantRequest,
  BulkPreviewRequest,
  BulkGrantResult,
  BulkRun,
  BulkCapacityRequest,
  CapacityOverview,
  CapacityWarning,
  ChainVerification,
  CodeHandOver,
  CodeHandOverRequest,
  GrantCapacityRequest,
  SetReservedSlots,
  SlotReservation,
  Community,
  GuidelinesChange,
  Credential,
  CredentialPage,
  CredentialQuery,
  GrantRequest,
  DoorJob,
  HardwareDoor,
  HardwareDoorQuery,
  HardwareOverview,
  HardwareSimulation,
  Programmer,
  ReaderConfig,
  Id,
  LiveNetworkOverview,
  maxBulkUnitIds,
  RescheduleRequest,
  RevokeRequest,
  Session,
  SignInRequest,
  SimulatedZWavePanel,
  StaffMember,
  SyncSetupRequest,
  SyncStatus,
  UnitIndex,
  UnitPage,
  UnitQuery,
  VerifyRequest,
  UnitRow,
  ApprovalDecision,
  ApprovalDecline,
  VendorApproval,
  VendorApprovalRequest,
} from './domain';

export { mayRun } from './contract-roles';

const NoInput = z.object({}).strict();

/** A programmer's id, or a Bluetooth lock's (`ble:<lock id>`): jobs run the same through either. */
const OnProgrammer = z.object({ programmerId: z.string().min(1).max(200) }).strict();
const OnBluetoothLock = z.object({ lockId: z.string().min(1).max(200) }).strict();
/** A Z-Wave node id: classic networks use 1 to 232, Long Range ones up to 4000. */
const NodeId = z.number().int('A node id is a whole number').min(1, 'A node id is 1 or more').max(4000, 'A node id is at most 4000');
/** The five digits printed (underlined) at the start of a lock's DSK label, or null to cancel adding it. */
const DskPin = z.string().regex(/^\d{5}$/, 'The PIN is the five digits underlined at the start of the lock’s DSK label').nullable();

/**
 * `maxPayloadBytes`: the largest raw input this command takes, when it is more than
 * `defaultPayloadBytes`. Carriers size their own limits from these (`largestPayloadBytes`).
 */
/** Raw payloads (UTF-8 bytes of their JSON) over this size are refused before parsing. */
export const defaultPayloadBytes = 64 * 1024;
/** An id in a JSON array: up to 64 characters, its quotes and a comma. */
const idJsonBytes = 64 + 3;

type CommandSpec = { input: z.ZodType; output: z.ZodType; maxPayloadBytes?: number };

/**
 * Training mode's section: served only by a training core (simulated doors, its own data
 * folder, never paired). Any other core answers these as `unknown_command`, as if they were
 * not in the contract, and the renderer shows no simulator.
 */
export const trainingCommands = {
  /** Simulator panels: plug, unplug, attach a door, inject a fault; walk to a floor, bring a factory-new lock. */
  'training.simulate': { input: HardwareSimulation, output: HardwareOverview },
  /** The Z-Wave simulator panel: the simulated locks, the stick plugged or not, a factory-new lock's DSK label. */
  'training.zwave': { input: NoInput, output: SimulatedZWavePanel },
} as const satisfies Record<string, CommandSpec>;

export type TrainingCommandName = keyof typeof trainingCommands;

export function isTrainingCommand(name: string): name is TrainingCommandName {
  return Object.hasOwn(trainingCommands, name);
}

export const commands = {
  /** Renderer asks who is signed in on this window, and for which community. */
  'session.get': { input: NoInput, output: Session },
  /** Sign-in screen lists the staff who may sign in on this console (names and roles only). */
  'staff.list': { input: NoInput, output: z.array(StaffMember) },
  /** Sign-in screen signs a staff member in on this window with their passcode. */
  'staff.signIn': { input: SignInRequest, output: Session },
  /** Header's sign-out button; refused on a kiosk. */
  'staff.signOut': { input: NoInput, output: Session },
  /** Renderer loads the community: time zone, guidelines, buildings and floors. */
  'community.get': { input: NoInput, output: Community },
  /** An admin changes what staff may issue; grants from now on follow the new guidelines. */
  'community.updateGuidelines': { input: GuidelinesChange, output: Community },
  /** Units grid asks for one sorted, filtered window of units. */
  'units.list': { input: UnitQuery, output: UnitPage },
  /**
   * Units grid, once a session (again when units change): every unit's number, building, floor
   * and lock model, so typing in the search shows the units it names at once; 'units.list'
   * answers after, adding guests' matches and the credential and door columns.
   */
  'units.index': { input: NoInput, output: UnitIndex },
  /**
   * Unit detail asks for one unit's row and every credential on it the viewer may see, revoked
   * included; notShown counts the others (a kiosk sees only what a kiosk granted here).
   */
  'units.get': {
    input: z.object({ unitId: Id }).strict(),
    output: z.object({ unit: UnitRow, credentials: z.array(Credential), notShown: z.number().int().nonnegative() }),
  },
  /** Access page lists credentials across the community, newest first. */
  'credentials.list': { input: CredentialQuery, output: CredentialPage },
  /**
   * Grant form, once a type and dates are chosen: what each door the grant would reach will hold
   * (slot, schedule as the lock runs it, what Porter makes up for, live or at the next round),
   * and what Save would be refused with when some door cannot hold it.
   */
  'access.preview': { input: AccessPreviewRequest, output: AccessPreview },
  /** Bulk form: the same over many units: each unit's summary, the units that cannot hold it, the doors. */
  'access.previewBulk': {
    input: BulkPreviewRequest,
    output: BulkAccessPreview,
    maxPayloadBytes: maxBulkUnitIds * idJsonBytes + defaultPayloadBytes,
  },
  /** Grant form grants a guest access to a unit; answers the new credential. */
  'access.grant': { input: GrantRequest, output: Credential },
  /**
   * Bulk grant: a delivery or vendor credential on many units, with an outcome per unit. Its
   * own payload limit fits the most units that may be named by id, each of the longest id.
   */
  'access.bulkGrant': {
    input: BulkGrantRequest,
    output: BulkGrantResult,
    maxPayloadBytes: maxBulkUnitIds * idJsonBytes + defaultPayloadBytes,
  },
  /** Access page lists the bulk grants a crash cut short, oldest first. */
  'access.stoppedBulkRuns': { input: NoInput, output: z.array(BulkRun) },
  /** Access page's "Finish": grants a stopped run's units not yet done; answers the whole run's outcome. */
  'access.finishBulkRun': { input: z.object({ runId: Id }).strict(), output: BulkGrantResult },
  /**
   * Revocation exposure: ended credentials (revoked, expired, used, reissued) whose doors have
   * not been told yet, each with the doors still holding it and since when; one unit's, or the
   * whole community's (the Units page's figure). Names and dates only, never a code.
   */
  'access.exposure': { input: ExposureQuery, output: RevocationExposure },
  /** Staff revoke a credential from every door it covers. */
  'access.revoke': { input: RevokeRequest, output: Credential },
  /** New dates: the credential is reissued and the old one revoked; answers the new one. */
  'access.reschedule': { input: RescheduleRequest, output: Credential },
  /** Queue the guest's text again. */
  'access.resend': { input: z.object({ credentialId: Id }).strict(), output: Credential },
  /** The PIN once, shown or printed, while the guest's text waits; the only command that answers a code. */
  'access.handOverCode': { input: CodeHandOverRequest, output: CodeHandOver },
  /**
   * Vendor approvals, where the guidelines say vendor access needs an admin's: leasing asks (the
   * grant or bulk form's "Ask an admin"), an admin approves (the grant is made then, as asked) or
   * declines with a reason. The Access page lists them: an admin every pending request and the
   * latest decided; leasing their own. Nobody decides on their own request.
   */
  'approvals.list': { input: NoInput, output: z.array(VendorApproval) },
  'approvals.request': {
    input: VendorApprovalRequest,
    output: VendorApproval,
    maxPayloadBytes: maxBulkUnitIds * idJsonBytes + defaultPayloadBytes,
  },
  'approvals.approve': { input: ApprovalDecision, output: VendorApproval },
  'approvals.decline': { input: ApprovalDecline, output: VendorApproval },
  /** Grant form, once a type and dates are chosen: the doors this grant would take to within a few slots of full, each with what to end first. */
  'capacity.forGrant': { input: GrantCapacityRequest, output: z.array(CapacityWarning) },
  /** Bulk form: the same, counting a slot per unit on every door the units share (a building's entrance takes one per unit). */
  'capacity.forBulkGrant': {
    input: BulkCapacityRequest,
    output: z.array(CapacityWarning),
    maxPayloadBytes: maxBulkUnitIds * idJsonBytes + defaultPayloadBytes,
  },
  /** Hardware page's capacity section: the fullest doors (used, free, grant rate, run-out date) and each model's reserved slots. */
  'capacity.overview': { input: z.object({ limit: z.number().int().min(1).max(500).default(20) }).strict(), output: CapacityOverview },
  /** An admin keeps a lock model's top slots for staff and emergency codes; guest grants never take them (audited). */
  'capacity.setReserved': { input: SetReservedSlots, output: z.array(SlotReservation) },
  /** Activity page reads the audit log, newest first, filtered. */
  'activity.list': { input: ActivityQuery, output: ActivityPage },
  /** Activity page walks the whole hash chain, against the cloud's anchor and an export's closing line if given. */
  'activity.verify': { input: VerifyRequest, output: ChainVerification },
  /** Activity page exports the filtered log as CSV. */
  'activity.export': { input: ActivityFilter, output: ActivityExport },
  /** Hardware page: programmers and their doors, lock models in service, doors waiting to be programmed. */
  'hardware.overview': { input: NoInput, output: HardwareOverview },
  /** Hardware page's door picker (attach a simulated lock, assign a lock): doors by name, building or serial. */
  'hardware.doors': { input: HardwareDoorQuery, output: z.array(HardwareDoor) },
  /** Hardware page starts programming the door on a programmer's cable: exactly its pending changes. */
  'hardware.program': { input: OnProgrammer, output: DoorJob },
  /** Hardware page resumes the door's interrupted job (after a replug). */
  'hardware.resume': { input: OnProgrammer, output: DoorJob },
  /** Hardware page reads the door's audit trail since the last record the console holds. */
  'hardware.readAudit': { input: OnProgrammer, output: DoorJob },
  /** Hardware page sets the door's clock and its time-zone rules to the community's. */
  'hardware.setClock': { input: OnProgrammer, output: DoorJob },
  /** A technician tells the console which door the lock on the cable belongs to (commissioning). */
  'hardware.assignLock': { input: OnProgrammer.extend({ doorId: Id }).strict(), output: Programmer },
  /** Hardware page reads a perimeter reader's configuration. */
  'hardware.readerConfig': { input: OnProgrammer, output: ReaderConfig },
  /** Hardware page writes a perimeter reader's configuration. */
  'hardware.configureReader': { input: OnProgrammer.extend({ config: ReaderConfig }).strict(), output: DoorJob },
  /** Hardware page's Bluetooth section: the dongle, the locks in range (live), the round. */
  'hardware.bluetooth': { input: NoInput, output: BluetoothOverview },
  /** Hardware page: use this BLE dongle (USB or serial port) from now on. */
  'hardware.useDongle': { input: z.object({ dongleId: z.string().min(1).max(300) }).strict(), output: BluetoothOverview },
  /** Hardware page: program every pending Bluetooth door in range, one after another. */
  'hardware.startBluetoothRound': { input: NoInput, output: BluetoothOverview },
  /** Hardware page: stop the round after the door in hand. */
  'hardware.stopBluetoothRound': { input: NoInput, output: BluetoothOverview },
  /** A technician commissions a factory-new Bluetooth lock: its label's setup code, and its door. */
  'hardware.commissionLock': {
    input: OnBluetoothLock.extend({ doorId: Id, setupCode: z.string().trim().regex(/^\d{8}$/, 'The setup code is the 8 digits on the lock’s label') }).strict(),
    output: BluetoothOverview,
  },
  /** Hardware page's Z-Wave section: the stick, its network, each lock with its door, state, battery and codes; inclusion as it goes. */
  'hardware.liveLocks': { input: NoInput, output: LiveNetworkOverview },
  /** Hardware page: use the Z-Wave stick on this serial port from now on. */
  'hardware.useStick': { input: z.object({ path: z.string().min(1).max(300) }).strict(), output: LiveNetworkOverview },
  /** Hardware page's "Add a lock": the network waits for a lock to be put in inclusion; the DSK prompt follows. */
  'hardware.includeLock': { input: NoInput, output: LiveNetworkOverview },
  /** The DSK prompt: the lock's PIN, or null to stop adding it. */
  'hardware.answerInclusionPin': { input: z.object({ pin: DskPin }).strict(), output: LiveNetworkOverview },
  /** Hardware page's "Remove a lock": the network waits for a lock to be put in exclusion. */
  'hardware.excludeLock': { input: NoInput, output: LiveNetworkOverview },
  /** Stops waiting for a lock to add or remove. */
  'hardware.stopInclusion': { input: NoInput, output: LiveNetworkOverview },
  /** A technician tells the console which door a Z-Wave lock is on; its codes follow at once. */
  'hardware.assignLiveLock': { input: z.object({ nodeId: NodeId, doorId: Id }).strict(), output: LiveNetworkOverview },
  /** Status bar: online or offline, last sync, changes waiting, the last error. */
  'sync.status': { input: NoInput, output: SyncStatus },
  /** Status bar's "Sync now": a round now; answers the status after it. */
  'sync.now': { input: NoInput, output: SyncStatus },
  /** Cloud setup screen: pairs this console with a cloud (the token goes to the OS keychain). */
  'sync.setUp': { input: SyncSetupRequest, output: SyncStatus },
  ...trainingCommands,
} as const satisfies Record<string, CommandSpec>;

export const DataTopic = z.enum(['session', 'community', 'units', 'credentials', 'activity', 'doors', 'bluetooth', 'live_locks', 'sync']);
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

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The payload limit of one command: its own, or the default. */
export function payloadLimit(command: CommandName): number {
  const spec: CommandSpec = commands[command];
  return spec.maxPayloadBytes ?? defaultPayloadBytes;
}

/** The largest payload any command takes: what a carrier must let through to dispatch. */
export const largestPayloadBytes = Math.max(...commandNames.map(payloadLimit));

/**
 * How deep a payload's JSON may nest. The deepest input in the contract (a reader's
 * unlocked hours, inside a frame) is 6 levels; anything past this is refused before parsing.
 */
export const maxPayloadDepth = 16;

/** Does `value` nest objects or arrays deeper than `limit`? Stops looking at the limit. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  return Object.values(value).some((child) => nestsDeeperThan(child, limit - 1));
}

/** What the preload exposes as window.porter; the browser host's bridge provides the same. */
export interface PorterApi {
  invoke<C extends CommandName>(
    command: C,
    input: CommandInput<C>,
  ): Promise<import('./envelope').Envelope<CommandOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
