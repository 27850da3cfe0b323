import { createLexicon, type Lexicon } from "./lexicon";
import { PUBLISHERS, type Publisher } from "./publishers";
import type { Random } from "./random";
import { createZipf } from "./zipf";

export const FIRST_YEAR = 2011;
export const LAST_YEAR = 2025;
/** Each year holds this many times as many wires as the year before. */
const YEARLY_GROWTH = 1.25;

export type RankedProvider = { id: number; slug: string; name: string };

/** Everything a run shares across its wires; each wire then depends only on (seed, index). */
export type GenerationPlan = {
  seed: number;
  /** Most tagged first. */
  providers: RankedProvider[];
  /** Most used first. */
  codes: string[];
  lexicon: Lexicon;
  year(random: Random): number;
  provider(random: Random): RankedProvider;
  code(random: Random): string;
  publisher(random: Random): Publisher;
};

export function createGenerationPlan(seed: number, providers: RankedProvider[], codes: string[]): GenerationPlan {
  if (providers.length === 0) throw new Error("no providers to tag synthetic wires with");
  if (codes.length === 0) throw new Error("no codes to tag synthetic wires with");
  const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, offset) => FIRST_YEAR + offset);
  const cumulative: number[] = [];
  let total = 0;
  for (const year of years) cumulative.push((total += YEARLY_GROWTH ** (year - FIRST_YEAR)));
  // An exponent under 1 flattens the head: with ~1.5 providers a wire, the top one lands on ~20% of wires.
  const providerZipf = createZipf(providers.length, 0.8);
  const codeZipf = createZipf(codes.length, 1);
  const publisherZipf = createZipf(PUBLISHERS.length, 1);
  return {
    seed,
    providers,
    codes,
    lexicon: createLexicon(),
    year(random) {
      const target = random.next() * total;
      const index = cumulative.findIndex((bound) => target < bound);
      return years[index === -1 ? years.length - 1 : index]!;
    },
    provider: (random) => providers[providerZipf(random)]!,
    code: (random) => codes[codeZipf(random)]!,
    publisher: (random) => PUBLISHERS[publisherZipf(random)]!,
  };
}
