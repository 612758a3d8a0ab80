import type { ByteReader, ByteWriter } from '../framing/bytes';

/*
 * Named values as they travel: one table per enumeration, so the byte for a name is written
 * down once and both ends (console and simulated door) read it from the same place.
 */

/** A one-byte enumeration: each name has its own byte. */
export class CodeTable<Name extends string> {
  private readonly byCode = new Map<number, Name>();

  constructor(
    readonly what: string,
    readonly codes: Readonly<Record<Name, number>>,
  ) {
    for (const [name, code] of Object.entries(codes) as [Name, number][]) this.byCode.set(code, name);
  }

  get names(): Name[] {
    return [...this.byCode.values()];
  }

  nameOf(code: number): Name | undefined {
    return this.byCode.get(code);
  }

  write(w: ByteWriter, name: Name): void {
    w.u8(this.codes[name], this.what);
  }

  /** An unknown byte fails the reader; the first name stands in so decoding can go on. */
  read(r: ByteReader): Name {
    const code = r.u8(this.what);
    const name = this.nameOf(code);
    if (name === undefined) r.fail(`${this.what} 0x${code.toString(16).padStart(2, '0')} is unknown`);
    return name ?? (this.names[0] as Name);
  }
}

/** A one-byte bit set: the n-th name is bit n. Lists come back in bit order. */
export class BitSet<Name extends string> {
  constructor(
    readonly what: string,
    readonly bits: readonly Name[],
  ) {}

  maskOf(names: readonly Name[]): number {
    return names.reduce((mask, name) => mask | (1 << this.bits.indexOf(name)), 0);
  }

  namesOf(mask: number): Name[] {
    return this.bits.filter((_, bit) => (mask & (1 << bit)) !== 0);
  }

  write(w: ByteWriter, names: readonly Name[]): void {
    w.u8(this.maskOf(names), this.what);
  }

  /** Bits we have no name for mean the other end speaks a layout we do not: a failure, not a guess. */
  read(r: ByteReader): Name[] {
    const mask = r.u8(this.what);
    const unknown = mask & ~((1 << this.bits.length) - 1);
    if (unknown !== 0) r.fail(`${this.what} has unknown bits 0x${unknown.toString(16).padStart(2, '0')}`);
    return this.namesOf(mask);
  }
}
