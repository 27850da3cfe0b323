import type { Lexicon } from "./lexicon";
import type { Publisher } from "./publishers";
import type { Random } from "./random";
import { formatDay } from "./days";

export type SyntheticSource = {
  title: string;
  publisher: string;
  url: string;
  publishedOn: string | null;
  kind: "PRIMARY" | "REPORT" | "ANALYSIS";
  archivedUrl: string | null;
};

export type SourceContext = {
  /** Days since 1970-01-01 of the event. */
  occurredDay: number;
  /** The principal provider: the usual publisher of the primary source. */
  provider: { name: string; slug: string };
  /** A short unique key for the wire, to keep URLs unique. */
  key: string;
  publisher(random: Random): Publisher;
};

/** The wire's sources in order: the first is usually the provider's own announcement. */
export function buildSources(random: Random, lexicon: Lexicon, count: number, context: SourceContext): SyntheticSource[] {
  const sources: SyntheticSource[] = [];
  for (let position = 1; position <= count; position += 1) {
    const kind = position === 1 ? (random.chance(0.6) ? "PRIMARY" : "REPORT") : random.chance(0.55) ? "REPORT" : random.chance(0.75) ? "ANALYSIS" : "PRIMARY";
    const publishedDay = context.occurredDay + (kind === "PRIMARY" ? random.int(0, 2) : random.int(0, 14));
    const date = formatDay(publishedDay);
    const words = [capitalize(lexicon.adjective(random)), lexicon.noun(random), lexicon.verb(random)[1], lexicon.noun(random)];
    if (random.chance(0.5)) words.push(lexicon.preposition(random), lexicon.noun(random));
    const path = `${words.join("-").toLowerCase().replace(/[^a-z0-9-]/g, "")}-${context.key}-${position}`;
    const own = kind === "PRIMARY";
    const publisher = own ? { name: context.provider.name, domain: `${context.provider.slug}.example` } : context.publisher(random);
    const url = own ? `https://${publisher.domain}/news/${path}` : `https://${publisher.domain}/${date.slice(0, 4)}/${date.slice(5, 7)}/${path}`;
    sources.push({
      title: words.join(" "),
      publisher: publisher.name,
      url,
      publishedOn: random.chance(0.92) ? date : null,
      kind,
      archivedUrl: random.chance(0.15) ? `https://archive.example/${formatDay(publishedDay + random.int(0, 30)).replace(/-/g, "")}/${url}` : null,
    });
  }
  return sources;
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}
