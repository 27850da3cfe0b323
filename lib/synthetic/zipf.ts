import type { Random } from "./random";

/** Draws an index in [0, size) with probability proportional to 1 / (rank ^ exponent): index 0 is the most common. */
export type Zipf = (random: Random) => number;

export function createZipf(size: number, exponent: number): Zipf {
  if (!Number.isInteger(size) || size < 1) throw new Error(`createZipf: size must be a positive integer, got ${size}`);
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 1; rank <= size; rank += 1) {
    total += 1 / rank ** exponent;
    cumulative[rank - 1] = total;
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
