/** Golden bytes are written as annotated hex: '0x01 0x02 // comment'. */
export function hex(...lines: string[]): Uint8Array {
  const text = lines.map((line) => line.replace(/\/\/.*$/, '')).join(' ');
  const bytes = text.split(/[\s,]+/).filter(Boolean).map((token) => {
    const value = Number.parseInt(token.replace(/^0x/i, ''), 16);
    if (!/^(0x)?[0-9a-f]{2}$/i.test(token) || Number.isNaN(value)) throw new Error(`bad hex byte '${token}'`);
    return value;
  });
  return Uint8Array.from(bytes);
}

export const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** An ASCII string's bytes, for golden text fields. */
export const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(' ');
