import { composeSentence, parse, type WireContext } from "./compose-sentence";
import type { Lexicon } from "./lexicon";
import type { Random } from "./random";

const OPENINGS = [
  "But for the {A} {N} that {P} deployed, the {N} would not have {V} the {N}",
  "The harm follows from the {N} itself: without the {A} {N}, {s} would not have {V} the {N}",
  "The {N} {V} the {A} {N} only because {P} had {V} the {N}",
].map(parse);
const SCALES = [
  "It reached about {X} {N} before it was {V}",
  "The {A} {N} affected {X} {N} {R} the {N}",
].map(parse);

/** The "Why this is an AI incident" text: the but-for reasoning and where the severity comes from. */
export function composeRationale(random: Random, lexicon: Lexicon, context: WireContext, severity: number): string {
  const opening = composeSentence(random.pick(OPENINGS), random, lexicon, context).text;
  const scale = composeSentence(random.pick(SCALES), random, lexicon, context).text;
  return `${opening}. ${scale}, which the Editor's Guide rubric places at SEV-${severity}.`;
}
