/**
 * The units grid's instant answer: which units a search names by their own columns (number,
 * building name, floor, lock model), in grid order, worked out in the renderer on every key
 * from 'units.index'. The core's SQL search (src/main/store/unit-filter.ts, units-repo.ts)
 * gives the same units in the same order, and adds those a guest's name or phone matches;
 * tests/shared/unit-directory.test.ts holds the two to the same answers. Free of zod, so the
 * renderer's first paint parses no schema library.
 */
import type { UnitFilter, UnitSortColumn } from './domain/units';

/**
 * Every unit's own columns, as 'units.index' answers them: parallel arrays, a unit a place,
 * the places in the grid's first order (unit number, naturally, then building id: see
 * unit-index-repo.ts), so that order costs the page nothing to work out.
 */
export interface UnitIndex {
  buildings: { id: string; name: string }[];
  lockModels: { id: string; name: string }[];
  ids: string[];
  numbers: string[];
  /** Each unit's building: its place in `buildings`. */
  building: number[];
  floors: number[];
  /** Each unit door's lock model: its place in `lockModels`. */
  lockModel: number[];
}

/** A unit as the instant answer shows it, before the core adds its credentials and door. */
export interface UnitHeadline {
  id: string;
  number: string;
  buildingId: string;
  buildingName: string;
  floor: number;
  lockModel: { id: string; name: string };
}

export interface UnitOrder {
  column: UnitSortColumn;
  direction: 'asc' | 'desc';
}

/** A unit number as it sorts naturally: every run of digits zero-padded ("204" → "00000204"). */
export function naturalKey(number: string): string {
  return number.toUpperCase().replace(/\d+/g, (digits) => digits.padStart(8, '0'));
}

/**
 * Typed search text as it is matched: control characters (a NUL, a tab or a line break pasted
 * in) count as spaces, and the ends are trimmed. No name, number or phone holds one, and
 * FTS5 reads its query as a C string, so a NUL would cut the query short.
 */
export function searchText(typed: string | undefined): string {
  return (typed ?? '').replace(/\p{Cc}/gu, ' ').trim();
}

/** Lower case as SQLite's LIKE folds it: ASCII letters only. */
function foldAscii(text: string): string {
  // Most unit numbers are digits only: no new string for them.
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32)) : text;
}

/** Sorts and filters the index can decide alone; credentials and doors need the core. */
const instantColumns: readonly UnitSortColumn[] = ['unit', 'building', 'floor', 'lockModel'];

/** Can these filters and this order be answered from the index alone (before the core answers)? */
export function answersInstantly(filter: UnitFilter, order: UnitOrder): boolean {
  return !filter.doorStatus && !filter.credentialType && !filter.credentialTiming && instantColumns.includes(order.column);
}

/** Binary comparison, as SQLite's default collation compares TEXT (the same for every BMP text). */
function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The index made ready for a search on every key: folded numbers, each unit's headline
 * object kept (a row showing the same unit is not drawn again), and what only some searches
 * and sorts need (natural keys, exact numbers, orders other than the index's own) worked
 * out the first time one needs it. It is made as the index arrives, just after the first
 * rows, when staff may already be typing: it must cost little then.
 */
export class UnitDirectory {
  readonly size: number;
  private readonly foldedNumbers: string[];
  private readonly foldedBuildingNames: string[];
  private keys: string[] | null = null;
  private exact: Set<string> | null = null;
  private readonly orders = new Map<string, readonly number[]>();
  private readonly headlines: (UnitHeadline | undefined)[];

  constructor(readonly index: UnitIndex) {
    this.size = index.ids.length;
    this.foldedNumbers = index.numbers.map(foldAscii);
    this.foldedBuildingNames = index.buildings.map((b) => foldAscii(` ${b.name}`));
    this.headlines = new Array<UnitHeadline | undefined>(this.size);
    // The index comes in unit order (see UnitIndex): its places as they are, and backwards.
    const places = Array.from({ length: this.size }, (_, p) => p);
    this.orders.set('unit.asc', places);
    this.orders.set('unit.desc', places.toReversed());
  }

  /** Each unit's number as it sorts naturally: for the other sorts' ties. */
  private get unitKeys(): string[] {
    return (this.keys ??= this.index.numbers.map(naturalKey));
  }

  /** `building place + NUL + number`: which buildings hold a unit numbered exactly so. */
  private get exactNumbers(): Set<string> {
    return (this.exact ??= new Set(this.index.numbers.map((n, i) => `${this.index.building[i]}\u0000${n}`)));
  }

  headline(place: number): UnitHeadline {
    const cached = this.headlines[place];
    if (cached) return cached;
    const { index } = this;
    const building = index.buildings[index.building[place]!]!;
    const headline: UnitHeadline = {
      id: index.ids[place]!,
      number: index.numbers[place]!,
      buildingId: building.id,
      buildingName: building.name,
      floor: index.floors[place]!,
      lockModel: index.lockModels[index.lockModel[place]!]!,
    };
    this.headlines[place] = headline;
    return headline;
  }

  /**
   * The places of the units whose own columns match, in grid order: the units 'units.list'
   * gives for the same filters, less those only a guest's name or phone matches. Only for
   * filters and orders that answersInstantly accepts.
   */
  matching(filter: UnitFilter, order: UnitOrder): number[] {
    const { index } = this;
    const building = filter.buildingId === undefined ? -1 : index.buildings.findIndex((b) => b.id === filter.buildingId);
    const lockModel = filter.lockModelId === undefined ? -1 : index.lockModels.findIndex((m) => m.id === filter.lockModelId);
    if ((filter.buildingId !== undefined && building < 0) || (filter.lockModelId !== undefined && lockModel < 0)) return [];
    const named = this.nameTest(searchText(filter.search));
    return this.order(order).filter(
      (place) =>
        (building < 0 || index.building[place] === building) &&
        (filter.floor === undefined || index.floors[place] === filter.floor) &&
        (lockModel < 0 || index.lockModel[place] === lockModel) &&
        (named === null || named(place)),
    );
  }

  /**
   * The search over a unit's own columns, as unitFilterSql has it: the number contains the
   * text; or "South Tower 101" / "South 101": words that each begin a word of the building's
   * name, then that unit's number, or the numbers that begin so where no unit has it whole.
   */
  private nameTest(search: string): ((place: number) => boolean) | null {
    if (!search) return null;
    const { index } = this;
    const text = foldAscii(search);
    const byNumber = (place: number) => this.foldedNumbers[place]!.includes(text);
    const words = search.split(/\s+/);
    const number = words.pop()!;
    if (!words.length || !/\d/.test(number)) return byNumber;
    const wordStarts = words.map((w) => ` ${foldAscii(w)}`);
    const buildings = this.foldedBuildingNames.map((name) => wordStarts.every((start) => name.includes(start)));
    const numberStart = foldAscii(number);
    return (place) => {
      if (byNumber(place)) return true;
      const b = index.building[place]!;
      if (!buildings[b]) return false;
      if (index.numbers[place] === number) return true;
      return this.foldedNumbers[place]!.startsWith(numberStart) && !this.exactNumbers.has(`${b}\u0000${number}`);
    };
  }

  /** Every place in grid order (units-repo.ts's orderBy), worked out once per order. */
  private order({ column, direction }: UnitOrder): readonly number[] {
    const key = `${column}.${direction}`;
    const known = this.orders.get(key);
    if (known) return known;
    const { index, unitKeys } = this;
    const buildingId = (p: number) => index.buildings[index.building[p]!]!.id;
    // The unit order is the index's own (the constructor's).
    const keys: Record<string, (p: number) => (string | number)[]> = {
      building: (p) => [index.buildings[index.building[p]!]!.name, unitKeys[p]!, buildingId(p)],
      floor: (p) => [index.floors[p]!, buildingId(p), unitKeys[p]!],
      lockModel: (p) => [index.lockModels[index.lockModel[p]!]!.name, buildingId(p), unitKeys[p]!],
    };
    const keyOf = keys[column];
    if (!keyOf) throw new Error(`The units index cannot order by ${column}.`);
    const sign = direction === 'asc' ? 1 : -1;
    const sortKeys = Array.from({ length: this.size }, (_, p) => keyOf(p));
    const places = Array.from({ length: this.size }, (_, p) => p).sort((a, b) => {
      const ka = sortKeys[a]!;
      const kb = sortKeys[b]!;
      for (let i = 0; i < ka.length; i++) {
        const c = compare(ka[i]!, kb[i]!);
        if (c !== 0) return sign * c;
      }
      return 0;
    });
    this.orders.set(key, places);
    return places;
  }
}
