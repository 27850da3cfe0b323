/**
 * Terms the search benchmark can rely on in a synthetic archive, with the share of synthetic wires
 * that match each (websearch_to_tsquery('english', query) against the wire's search vector).
 * The generator injects them at these rates and the rest of its vocabulary never shares their stems.
 */
export const SEARCH_TERMS = {
  /** In the body of each synthetic wire with probability 0.45. */
  common: { query: "oversight", share: 0.45 },
  /** In exactly the wires whose generation index i has i % every === offset: one in 5,000. */
  rare: { query: "glimmerwick", share: 1 / 5000, every: 5000, offset: 137 },
  /** The phrase, words adjacent, in the body of each synthetic wire with probability 0.03. */
  phrase: { query: '"facial recognition"', share: 0.03 },
  /** The most common provider: tagged on about 20% of synthetic wires. */
  provider: { slug: "arclight-ai", share: 0.2 },
  /** The most common code: on about 48% of synthetic wires (with the shipped taxonomy of 19 codes). */
  code: { code: "M1", share: 0.48 },
} as const;

/** How many of the first `count` synthetic wires (generation indexes 0..count-1) carry the rare term. */
export function expectedRareMatches(count: number): number {
  const { every, offset } = SEARCH_TERMS.rare;
  return count <= offset ? 0 : Math.floor((count - 1 - offset) / every) + 1;
}
