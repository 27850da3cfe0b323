/**
 * A term's positions in each wire of a block, in the order of the block's ordinals: per wire, the
 * number of positions, then each position as its distance from the one before, all as LEB128 varints
 * (positions run to 16,383, so most take one byte).
 */
/** Reads a posting row's positions, one wire at a time. */
export class PositionsReader {
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {}

  private varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.at++]!;
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }

  /** The next wire's positions into `out` (emptied first). */
  next(out: number[]): number[] {
    out.length = 0;
    const count = this.varint();
    let position = 0;
    for (let i = 0; i < count; i += 1) {
      position += this.varint();
      out.push(position);
    }
    return out;
  }

  /** Skips the next wire's positions. */
  skip(): void {
    const count = this.varint();
    for (let i = 0; i < count; i += 1) this.varint();
  }
}
