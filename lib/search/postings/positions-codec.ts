/**
 * A posting row's positions, read one wire at a time. The row holds, per wire of the block in
 * ordinal order, the number of positions, then each position as its distance from the one before, all
 * as LEB128 varints (positions run to 16,383, so most take one byte).
 */
export class PositionsReader {
  /** The byte the next wire's entry starts at. */
  at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  private varint(): number {
    const { bytes } = this;
    let byte = bytes[this.at++]!;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let shift = 7;
    for (;;) {
      byte = bytes[this.at++]!;
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }

  /** The next wire's positions into `out.array` (replaced by a larger one when short); returns how many. */
  readInto(out: { array: Int32Array }): number {
    const count = this.varint();
    if (out.array.length < count) out.array = new Int32Array(count);
    const into = out.array;
    let position = 0;
    for (let i = 0; i < count; i += 1) {
      position += this.varint();
      into[i] = position;
    }
    return count;
  }

  /** The next wire's positions as a new array. */
  next(): number[] {
    const out = { array: new Int32Array(0) };
    const count = this.readInto(out);
    return [...out.array.subarray(0, count)];
  }

  /** Passes over the next wire's positions: only the last byte of each varint is below 0x80. */
  skip(): void {
    const { bytes } = this;
    let count = this.varint();
    let at = this.at;
    while (count > 0 && at < bytes.length) if (bytes[at++]! < 0x80) count -= 1;
    this.at = at;
  }
}
