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

/** A Markdown body of 3 to 5 paragraphs and about 150 to 300 words. */
export function composeBody(random: Random, lexicon: Lexicon, context: WireContext, options: BodyOptions): string {
  const targetWords = random.int(150, 300);
  const paragraphs = random.int(3, 5);
  const sentences: string[] = [];
  let words = 0;
  while (words < targetWords || sentences.length < paragraphs) {
    const sentence = composeSentence(random.pick(SENTENCES.body), random, lexicon, context);
    sentences.push(sentence.text);
    words += sentence.words;
  }
  const insert = (templates: Template[]) => {
    const at = random.int(0, sentences.length);
    sentences.splice(at, 0, composeSentence(random.pick(templates), random, lexicon, context).text);
  };
  if (options.common) insert(SENTENCES.common);
  if (options.phrase) insert(SENTENCES.phrase);
  if (options.rare) insert(SENTENCES.rare);

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
