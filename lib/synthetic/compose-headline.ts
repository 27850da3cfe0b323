import type { Lexicon } from "./lexicon";
import type { Random } from "./random";

/** A headline of 6 to 12 words in sentence case, present tense: "Arclight AI pauses automated classifier after audit". */
export function composeHeadline(random: Random, lexicon: Lexicon, providerName: string): string {
  const length = random.int(6, 12);
  const words = random.chance(0.7) ? providerName.split(" ") : [capitalize(lexicon.adjective(random)), lexicon.noun(random)];
  words.push(lexicon.verb(random)[1]);
  let remaining = length - words.length;
  // The object ("automated classifier"), then prepositional phrases of 2 to 4 words ("after the
  // earlier audit"), sized so that no single word is left over.
  const object = remaining === 1 || remaining === 3 ? 1 : 2;
  if (object === 2) words.push(lexicon.adjective(random));
  words.push(lexicon.noun(random));
  remaining -= object;
  while (remaining > 0) {
    let size = remaining <= 4 ? remaining : random.int(2, 4);
    if (remaining - size === 1) size -= 1;
    words.push(lexicon.preposition(random));
    if (size === 3) words.push(random.chance(0.5) ? "the" : lexicon.adjective(random));
    if (size === 4) words.push("the", lexicon.adjective(random));
    words.push(lexicon.noun(random));
    remaining -= size;
  }
  return words.join(" ");
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
