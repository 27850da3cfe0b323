import type { Lexicon } from "./lexicon";
import type { Random } from "./random";

/** What a wire's sentences may mention besides vocabulary words. */
export type WireContext = {
  providerNames: readonly string[];
  /** "3 March 2019" */
  dateText: string;
  publisherNames: readonly string[];
};

/** A word of a template: a slot to fill (then `text` is what follows the slot, punctuation say) or, with `slot` "", the word itself. */
type Token = { slot: string; text: string };

// Slots: N noun, A adjective, V past verb, P provider, X number, S subject, s subject in lower case,
// R preposition, D the event's date, B a publisher. Sentences end without their full stop, which
// the composer adds after any citation.
const BODY = [
  "{S} said the {A} {N} {V} {X} {N} {R} the {N}",
  "The {N} {V} the {A} {N} {D}",
  "{P} {V} the {N} after {s} {V} the {A} {N}",
  "According to {B}, the {N} {V} {X} {N}",
  "The {A} {N} had {V} {A} {N} for {X} days",
  "{P} did not say whether the {N} {V} the {N}",
  "{S} said that the {N} {V} {A} {N} {R} the {A} {N}",
  "The {N} was {V} {R} the {N} and the {N}",
  "In a statement, {P} said it had {V} the {N}",
  "About {X} {N} were {V} before the {N} was {V}",
  "The {N} {V} {N} from the {A} {N}, {s} said",
  "{S} compared the {N} with an earlier {N} that {V} {A} {N}",
  "Neither the {N} nor the {N} {V} the {A} {N}",
  "{B} reported that the {A} {N} {V} the {N} {R} {X} {N}",
  "The {N} {R} the {N} was {V} {D}",
].map(parse);

const COMMON = ["{S} called for independent oversight of the {A} {N}", "The {N} ran without human oversight, {s} said"].map(parse);
const PHRASE = ["The {N} relied on facial recognition {R} the {A} {N}", "{P} said facial recognition had {V} the {N}"].map(parse);
const RARE = ["Internal documents referred to the {N} by the code name Glimmerwick"].map(parse);

export const SENTENCES = { body: BODY, common: COMMON, phrase: PHRASE, rare: RARE };
export type Template = Token[];

export function parse(template: string): Template {
  return template.split(" ").map((part) => {
    const match = /^\{(\w)\}(.*)$/.exec(part);
    return match ? { slot: match[1]!, text: match[2]! } : { slot: "", text: part };
  });
}

/** Fills a template: returns the sentence without its full stop, and its number of words. */
export function composeSentence(template: Template, random: Random, lexicon: Lexicon, context: WireContext): { text: string; words: number } {
  // A million wires take some 20 million sentences: the words are joined once, into a flat string
  // (joining as it goes would leave a chain of pieces to copy again later), and the first is
  // capitalized by hand when it starts with a-z.
  const words = new Array<string>(template.length);
  for (let i = 0; i < template.length; i += 1) {
    const token = template[i]!;
    words[i] = token.slot === "" ? token.text : fill(token.slot, random, lexicon, context) + token.text;
  }
  const start = words[0]!;
  const first = start.charCodeAt(0);
  words[0] = first >= 97 && first <= 122 ? String.fromCharCode(first - 32) + start.slice(1) : first < 128 ? start : start[0]!.toUpperCase() + start.slice(1);
  return { text: words.join(" "), words: template.length };
}

function fill(slot: string, random: Random, lexicon: Lexicon, context: WireContext): string {
  switch (slot) {
    case "N":
      return lexicon.noun(random);
    case "A":
      return lexicon.adjective(random);
    case "V":
      return lexicon.verb(random)[0];
    case "P":
      return random.chance(0.75) ? context.providerNames[0]! : random.pick(context.providerNames);
    case "X":
      return String(random.chance(0.6) ? random.int(2, 60) : random.int(61, 9000));
    case "S":
      return lexicon.subject(random);
    case "s":
      return lexicon.subject(random).toLowerCase();
    case "R":
      return lexicon.preposition(random);
    case "D":
      return `${random.chance(0.5) ? "on" : "by"} ${context.dateText}`;
    case "B":
      return random.pick(context.publisherNames);
    default:
      throw new Error(`unknown template slot {${slot}}`);
  }
}
