import { composeBody } from "./compose-body";
import { composeHeadline } from "./compose-headline";
import { composeRationale } from "./compose-rationale";
import type { WireContext } from "./compose-sentence";
import { composeSummary } from "./compose-summary";
import { buildSources, type SyntheticSource } from "./build-sources";
import { dayOf, formatDay, formatInstant } from "./days";
import type { GenerationPlan, RankedProvider } from "./generation-plan";
import { MONTHS } from "./vocabulary";
import { createRandom, type Random } from "./random";
import { SEARCH_TERMS } from "./search-terms";

export type SyntheticWire = {
  id: string;
  slug: string;
  headline: string;
  summary: string;
  body: string;
  occurredOn: string;
  publishedAt: string;
  updatedAt: string;
  severity: number;
  sourcingStandard: "PROVISIONAL" | "STANDARD" | "CONFIRMED";
  status: "PUBLISHED" | "CORRECTED" | "WITHDRAWN";
  statusNote: string | null;
  sources: SyntheticSource[];
  providerIds: number[];
  codes: string[];
  rationale: { text: string; basisDate: string };
};

/** Gives the next free six-digit number of a year: synthetic ids start at 100000, clear of the shipped four-digit ones. */
export type IdAllocator = (year: number) => number;

/** Synthetic wire number `index` of the run's seed: the same (seed, index) always gives the same wire. */
export function buildWire(plan: GenerationPlan, index: number, allocate: IdAllocator): SyntheticWire {
  const random = createRandom(plan.seed, index);
  const { lexicon } = plan;
  const year = plan.year(random);
  const yearStart = dayOf(`${year}-01-01`);
  const occurredDay = yearStart + random.int(0, dayOf(`${year + 1}-01-01`) - yearStart - 1);
  const publishedDay = occurredDay + random.int(0, 20);
  const publishedAt = formatInstant(publishedDay, random.int(6 * 3600, 22 * 3600));
  const providers = distinct(random, weighted(random, [60, 30, 10]) + 1, plan.provider);
  const codes = distinct(random, weighted(random, [35, 35, 20, 10]) + 1, plan.code);
  const severity = 5 - weighted(random, [45, 30, 16, 7, 2]);
  const sourcingStandard = (["STANDARD", "PROVISIONAL", "CONFIRMED"] as const)[weighted(random, [60, 20, 20])]!;
  const roll = random.next();
  const status = roll < 0.01 ? "WITHDRAWN" : roll < 0.03 ? "CORRECTED" : "PUBLISHED";
  const date = new Date(occurredDay * 86_400_000);
  const context: WireContext = {
    providerNames: providers.map((provider) => provider.name),
    dateText: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${year}`,
    publisherNames: [plan.publisher(random).name, plan.publisher(random).name],
  };
  const headline = composeHeadline(random, lexicon, providers[0]!.name);
  const sourceCount = weighted(random, [30, 35, 22, 13]) + 2;
  const body = composeBody(random, lexicon, context, {
    sources: sourceCount,
    common: random.chance(SEARCH_TERMS.common.share),
    phrase: random.chance(SEARCH_TERMS.phrase.share),
    rare: index % SEARCH_TERMS.rare.every === SEARCH_TERMS.rare.offset,
  });
  const number = allocate(year);
  const key = `${year}${number}`;
  const updatedDay = status === "PUBLISHED" ? publishedDay : publishedDay + random.int(1, 120);
  return {
    id: `AIW-${year}-${number}`,
    slug: headline.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80).replace(/-$/, ""),
    headline,
    summary: composeSummary(random, lexicon, context),
    body,
    occurredOn: formatDay(occurredDay),
    publishedAt,
    updatedAt: status === "PUBLISHED" ? publishedAt : formatInstant(updatedDay, random.int(6 * 3600, 22 * 3600)),
    severity,
    sourcingStandard,
    status,
    statusNote: statusNote(status, formatDay(updatedDay), lexicon.noun(random)),
    sources: buildSources(random, lexicon, sourceCount, { occurredDay, provider: providers[0]!, key, publisher: plan.publisher }),
    providerIds: providers.map((provider: RankedProvider) => provider.id),
    codes,
    rationale: { text: composeRationale(random, lexicon, context, severity), basisDate: formatDay(publishedDay + random.int(0, 30)) },
  };
}

/** An index drawn with the given relative weights. */
function weighted(random: Random, weights: readonly number[]): number {
  let target = random.next() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let index = 0; index < weights.length; index += 1) {
    target -= weights[index]!;
    if (target < 0) return index;
  }
  return weights.length - 1;
}

/** Up to `count` different values from `draw`, in the order drawn (the principal one first). */
function distinct<T>(random: Random, count: number, draw: (random: Random) => T): T[] {
  const picked: T[] = [];
  for (let attempt = 0; picked.length < count && attempt < count * 8; attempt += 1) {
    const value = draw(random);
    if (!picked.includes(value)) picked.push(value);
  }
  return picked;
}

function statusNote(status: SyntheticWire["status"], day: string, noun: string): string | null {
  if (status === "CORRECTED") return `Corrected on ${day}: an earlier version misstated a figure about the ${noun}.`;
  if (status === "WITHDRAWN") return `Withdrawn on ${day}: the principal source was retracted and no other source confirms the event.`;
  return null;
}
