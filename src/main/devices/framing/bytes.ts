/*
 * Little-endian byte writing and reading for the devices' messages: the key-programmer's
 * commands and a Bluetooth lock's info record.
 *
 * The reader never throws: a short or bad message is what a device can send us, so it is data.
 * The first problem sticks (like Go's bufio.Scanner): later reads return zeros, and whoever
 * decodes checks `problem` once at the end and turns it into a 'malformed' result.
 */

const asciiPrintable = /^[\x20-\x7e]*$/;

export class ByteWriter {
  private readonly bytes: number[] = [];

  /** Writing a value that does not fit its field is a bug in the caller, so that one throws. */
  private put(value: number, min: number, max: number, what: string): void {
    if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${value}`);
  }

  u8(value: number, what = 'u8'): this {
    this.put(value, 0, 0xff, what);
    this.bytes.push(value);
    return this;
  }

  u16(value: number, what = 'u16'): this {
    this.put(value, 0, 0xffff, what);
    this.bytes.push(value & 0xff, value >>> 8);
    return this;
  }

  i16(value: number, what = 'i16'): this {
    this.put(value, -0x8000, 0x7fff, what);
    return this.u16(value & 0xffff, what);
  }

  u32(value: number, what = 'u32'): this {
    this.put(value, 0, 0xffff_ffff, what);
    this.bytes.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
    return this;
  }

  raw(data: Uint8Array): this {
    for (const byte of data) this.bytes.push(byte);
    return this;
  }

  /** A string as a u8 length and printable ASCII: model ids, serials and versions are all ASCII. */
  text(value: string, what = 'text'): this {
    if (!asciiPrintable.test(value)) throw new RangeError(`${what} must be printable ASCII`);
    this.u8(value.length, `${what} length`);
    for (let i = 0; i < value.length; i++) this.bytes.push(value.charCodeAt(i));
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  private offset = 0;
  private firstProblem: string | undefined;

  constructor(private readonly bytes: Uint8Array) {}

  get problem(): string | undefined {
    return this.firstProblem;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  /** Records why the message is bad; only the first reason is kept. */
  fail(reason: string): void {
    this.firstProblem ??= reason;
  }

  private take(count: number, what: string): Uint8Array {
    if (this.firstProblem !== undefined) return new Uint8Array(count);
    if (this.remaining < count) {
      this.fail(`ends before ${what} (needs ${count} bytes at offset ${this.offset}, has ${this.remaining})`);
      return new Uint8Array(count);
    }
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  u8(what: string): number {
    return this.take(1, what)[0] ?? 0;
  }

  u16(what: string): number {
    const [lo = 0, hi = 0] = this.take(2, what);
    return lo | (hi << 8);
  }

  i16(what: string): number {
    return (this.u16(what) << 16) >> 16;
  }

  u32(what: string): number {
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = this.take(4, what);
    return (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0;
  }

  raw(count: number, what: string): Uint8Array {
    return Uint8Array.from(this.take(count, what));
  }

  text(what: string): string {
    const data = this.take(this.u8(`${what} length`), what);
    const value = String.fromCharCode(...data);
    if (!asciiPrintable.test(value)) this.fail(`${what} is not printable ASCII`);
    return value;
  }

  /** A u8 that must be 0 or 1: anything else means the two ends disagree on the layout. */
  flag(what: string): boolean {
    const value = this.u8(what);
    if (value > 1) this.fail(`${what} is ${value}, not 0 or 1`);
    return value === 1;
  }

  /** The problem, if any, counting bytes left over as one: a longer message is a different layout. */
  finish(): string | undefined {
    if (this.firstProblem === undefined && this.remaining > 0) this.fail(`${this.remaining} unexpected trailing bytes`);
    return this.firstProblem;
  }
}
