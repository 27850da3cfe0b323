/**
 * Reads a command-line integer written as 1000000, 1_000_000 or 1e6.
 * Throws a RangeError naming the flag when the text is not a whole number of at least `min`.
 */
export function parseInteger(text: string, flag: string, min: number): number {
  const compact = text.trim();
  const valid = /^\d+(_\d+)*$/.test(compact) || /^\d+(\.\d+)?e\d+$/i.test(compact);
  const value = valid ? Number(compact.replace(/_/g, "")) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    const kind = min > 0 ? "a positive whole number" : `a whole number of at least ${min}`;
    throw new RangeError(`${flag} must be ${kind} (like 1000000, 1_000_000 or 1e6), got "${text}"`);
  }
  return value;
}
