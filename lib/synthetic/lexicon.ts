import type { Random } from "./random";
import { ADJECTIVES, buildNameTail, NOUNS, PREPOSITIONS, SUBJECTS, VERBS } from "./vocabulary";
import { createZipf } from "./zipf";

/** Word samplers with Zipf skew: a few words everywhere, a long tail of rare ones. */
export type Lexicon = {
  noun(random: Random): string;
  adjective(random: Random): string;
  /** [past tense, present tense] */
  verb(random: Random): readonly [string, string];
  preposition(random: Random): string;
  subject(random: Random): string;
};

/** Made-up names (products, places, projects): 20,000 rare words, as a real archive's long tail of names. */
const NAME_TAIL = 20_000;
/** How often a noun slot takes a made-up name rather than a common noun. */
const NAME_SHARE = 0.12;

let shared: Lexicon | undefined;

export function createLexicon(): Lexicon {
  if (shared) return shared;
  const names = buildNameTail(NAME_TAIL);
  const nounZipf = createZipf(NOUNS.length, 1.05);
  const nameZipf = createZipf(names.length, 1);
  const adjectiveZipf = createZipf(ADJECTIVES.length, 0.9);
  const verbZipf = createZipf(VERBS.length, 0.9);
  const prepositionZipf = createZipf(PREPOSITIONS.length, 1);
  shared = {
    noun: (random) => (random.next() < NAME_SHARE ? names[nameZipf(random)]! : NOUNS[nounZipf(random)]!),
    adjective: (random) => ADJECTIVES[adjectiveZipf(random)]!,
    verb: (random) => VERBS[verbZipf(random)]!,
    preposition: (random) => PREPOSITIONS[prepositionZipf(random)]!,
    subject: (random) => SUBJECTS[Math.floor(random.next() * SUBJECTS.length)]!,
  };
  return shared;
}
