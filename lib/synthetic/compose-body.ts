import { composeSentence, SENTENCES, type Template, type WireContext } from "./compose-sentence";
import type { Lexicon } from "./lexicon";
import type { Random } from "./random";

export type BodyOptions = {
  /** How many sources the wire has: each is cited at least once, as `[source](source:N)`. */
  sources: number;
  /** Which SEARCH_TERMS the body carries. */
  common: boolean;
  phrase: boolean;
  rare: boolean;
};

/** A Markdown body of 3 to 5 paragraphs and 150 to 300 words (the last sentence may overshoot by a few). */
export function composeBody(random: Random, lexicon: Lexicon, context: WireContext, options: BodyOptions): string {
  const targetWords = random.int(150, 270);
  const paragraphs = random.int(3, 5);
  // The search terms' sentences come first, so the body's length counts them.
  const injected: string[] = [];
  let words = 0;
  const inject = (templates: Template[]) => {
    const sentence = composeSentence(random.pick(templates), random, lexicon, context);
    injected.push(sentence.text);
    words += sentence.words;
  };
  if (options.common) inject(SENTENCES.common);
  if (options.phrase) inject(SENTENCES.phrase);
  if (options.rare) inject(SENTENCES.rare);
  const sentences: string[] = [];
  while (words < targetWords || sentences.length + injected.length < paragraphs) {
    const sentence = composeSentence(random.pick(SENTENCES.body), random, lexicon, context);
    sentences.push(sentence.text);
    words += sentence.words;
  }
  for (const text of injected) sentences.splice(random.int(0, sentences.length), 0, text);

  const count = sentences.length;
  const cites = new Array<number>(count).fill(0);
  for (let source = 1; source <= options.sources; source += 1) {
    // Source N is cited somewhere in the N-th stretch of the body, so the citations read in order.
    const start = Math.floor(((source - 1) * count) / options.sources);
    const end = Math.max(start, Math.floor((source * count) / options.sources) - 1);
    cites[random.int(start, end)] = source;
  }
  for (let i = 0; i < count; i += 1) if (cites[i] === 0 && random.chance(0.2)) cites[i] = random.int(1, options.sources);

  const out: string[] = [];
  let paragraph: string[] = [];
  let boundary = 1;
  for (let i = 0; i < count; i += 1) {
    paragraph.push(cites[i] ? `${sentences[i]} [source](source:${cites[i]}).` : `${sentences[i]}.`);
    if (i + 1 === Math.round((boundary * count) / paragraphs)) {
      out.push(paragraph.join(" "));
      paragraph = [];
      boundary += 1;
    }
  }
  if (paragraph.length > 0) out.push(paragraph.join(" "));
  return out.join("\n\n");
}
