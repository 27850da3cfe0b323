import type { Lexicon } from "./lexicon";
import type { Random } from "./random";

/** What a wire's sentences may mention besides vocabulary words. */
export type WireContext = {
  providerNames: readonly string[];
  /** "3 March 2019" */
  dateText: string;
  publisherNames: readonly string[];
};

type Token = { slot: string; suffix: string } | { text: string };

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
    return match ? { slot: match[1]!, suffix: match[2]! } : { text: part };
  });
}

/** Fills a template: returns the sentence without its full stop, and its number of words. */
export function composeSentence(template: Template, random: Random, lexicon: Lexicon, context: WireContext): { text: string; words: number } {
  const parts: string[] = [];
  for (const token of template) {
    if ("text" in token) parts.push(token.text);
    else parts.push(fill(token.slot, random, lexicon, context) + token.suffix);
  }
  const text = parts.join(" ");
  return { text: text[0]!.toUpperCase() + text.slice(1), words: parts.length };
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
