import { composeSentence, parse, type WireContext } from "./compose-sentence";
import type { Lexicon } from "./lexicon";
import type { Random } from "./random";

const SUMMARIES = [
  "{P} {V} the {A} {N} {R} the {N} after {s} {V} {X} {N} {D}",
  "The {A} {N} {V} {X} {N} before {P} {V} the {N} and the {A} {N}",
  "{S} {V} the {A} {N} from {P} after it {V} {A} {N} {R} the {N}",
].map(parse);

/** The one-sentence summary used in lists and "related" blocks. */
export function composeSummary(random: Random, lexicon: Lexicon, context: WireContext): string {
  return `${composeSentence(random.pick(SUMMARIES), random, lexicon, context).text}.`;
}
