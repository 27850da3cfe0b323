import type { Lexicon } from "./lexicon";
import type { Random } from "./random";

/** A headline of 6 to 12 words in sentence case, present tense: "Arclight AI pauses automated classifier after audit". */
export function composeHeadline(random: Random, lexicon: Lexicon, providerName: string): string {
  const length = random.int(6, 12);
  const words = random.chance(0.7) ? providerName.split(" ") : [capitalize(lexicon.adjective(random)), lexicon.noun(random)];
  words.push(lexicon.verb(random)[1]);
  let remaining = length - words.length;
  let first = true;
  while (remaining > 0) {
    // Noun phrases first, then prepositional phrases; each chunk ends in a noun.
    if (remaining === 1) {
      words.push(lexicon.noun(random));
      break;
    }
    if (remaining === 2 && !first) {
      words.push(lexicon.preposition(random), lexicon.noun(random));
      break;
    }
    if (first) {
      words.push(lexicon.adjective(random), lexicon.noun(random));
      remaining -= 2;
      first = false;
      continue;
    }
    if (remaining >= 4 && random.chance(0.4)) {
      words.push(lexicon.preposition(random), "the", lexicon.adjective(random), lexicon.noun(random));
      remaining -= 4;
      continue;
    }
    words.push(lexicon.preposition(random), random.chance(0.5) ? lexicon.adjective(random) : "the", lexicon.noun(random));
    remaining -= 3;
  }
  return words.join(" ");
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
