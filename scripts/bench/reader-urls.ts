import pg from "pg";

/**
 * The readers' benchmark's addresses, drawn from the archive itself so that each request is one a
 * reader could make and, as real readers do, rarely the same as another: wires picked at random,
 * searches built from the headlines' own words and the taxonomy, older pages from random wires'
 * places in each list. Seeded: the same seed and archive give the same addresses.
 */
export type ReaderUrls = {
  wires: { id: string; slug: string }[];
  /** Archive search parameters (without the leading "?"), all different. */
  searches: string[];
  latestCursors: string[];
  providerPages: string[];
  codePages: string[];
  providerFeeds: string[];
  searchFeeds: string[];
  exports: string[];
  guides: string[];
  providers: string[];
  codes: string[];
  /** Wires in the archive, merged ones too (the sitemap's files count them). */
  wireCount: number;
};

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** A keyset cursor as lib/wires/keyset.ts writes it. */
const cursorOf = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");

export async function sampleReaderUrls(url: string, count: number, seed: number): Promise<ReaderUrls> {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const client = new pg.Client({ connectionString: url, application_name: "bench readers" });
  await client.connect();
  try {
    const [{ max, wires: wireCount }] = (await client.query<{ max: number; wires: number }>("SELECT max(ord)::int AS max, count(*)::int AS wires FROM wire")).rows as [{ max: number; wires: number }];
    const ords = Array.from({ length: count * 3 }, () => 1 + Math.floor(next() * max));
    type WireRow = { id: string; slug: string; published_at: Date; occurred_on: Date; providers: string[]; codes: string[] };
    const wireRows = (
      await client.query<WireRow>(
        `SELECT w.id, w.slug, w.published_at, w.occurred_on::timestamptz AS occurred_on,
           ARRAY(SELECT p.slug FROM wire_provider wp JOIN provider p ON p.id = wp.provider_id WHERE wp.wire_id = w.id) AS providers,
           ARRAY(SELECT code FROM wire_code WHERE wire_id = w.id) AS codes
         FROM wire w WHERE w.ord = ANY($1::int[]) AND w.status IN ('PUBLISHED', 'CORRECTED')`,
        [ords],
      )
    ).rows;
    const wires = shuffle(wireRows, next).slice(0, count);
    const words = (await client.query<{ word: string }>("SELECT word FROM headline_word WHERE length(word) >= 4 ORDER BY md5(word || $1) LIMIT 2000", [String(seed)])).rows.map((row) => row.word);
    const providers = (await client.query<{ slug: string }>("SELECT slug FROM provider ORDER BY slug")).rows.map((row) => row.slug);
    const codes = (await client.query<{ code: string }>("SELECT code FROM code ORDER BY code")).rows.map((row) => row.code);
    const guides = (await client.query<{ slug: string }>("SELECT slug FROM guide ORDER BY slug")).rows.map((row) => row.slug);
    const headlines = (await client.query<{ headline: string }>("SELECT headline FROM wire WHERE ord = ANY($1::int[])", [ords.slice(0, count)])).rows.map((row) => row.headline);

    const searches = distinct(count, () => {
      const roll = next();
      const params = new URLSearchParams();
      if (roll < 0.3) params.set("q", pick(words));
      else if (roll < 0.45) params.set("q", phraseOf(pick(headlines), next) ?? pick(words));
      else if (roll < 0.6) {
        params.set("q", pick(words));
        params.set("provider", pick(providers));
      } else if (roll < 0.75) {
        params.set("provider", pick(providers));
        params.set("code", pick(codes));
      } else if (roll < 0.9) {
        params.set("code", pick(codes));
        const low = 1 + Math.floor(next() * 5);
        params.set("severity", `${low}-${Math.min(5, low + Math.floor(next() * 3))}`);
        params.set("from", String(2012 + Math.floor(next() * 12)));
      } else {
        params.set("q", `${pick(words)} ${pick(words)}`);
        params.set("code", pick(codes)[0]!);
      }
      return params.toString();
    });
    const latestCursors = wires.map((wire) => cursorOf(wire.published_at, wire.id));
    const providerPages = wires.flatMap((wire) => (wire.providers[0] ? [`/providers/${wire.providers[0]}?cursor=${cursorOf(wire.occurred_on, wire.id)}`] : []));
    const codePages = wires.flatMap((wire) => (wire.codes[0] ? [`/codes/${wire.codes[0]}?cursor=${cursorOf(wire.occurred_on, wire.id)}`] : []));
    const formats = ["rss", "atom", "json"];
    const providerFeeds = distinct(count, () => `/feeds/archive.${pick(formats)}?provider=${pick(providers)}&code=${pick(codes)}`);
    const searchFeeds = distinct(count, () => `/feeds/archive.${pick(formats)}?q=${encodeURIComponent(pick(words))}`);
    const exports = distinct(count, () => `/archive/export.${next() < 0.5 ? "csv" : "ndjson"}?q=${encodeURIComponent(pick(words))}`);
    return { wires, searches, latestCursors, providerPages, codePages, providerFeeds, searchFeeds, exports, guides, providers, codes, wireCount };
  } finally {
    await client.end();
  }
}

/** Two neighbouring words of a headline as a quoted phrase. */
function phraseOf(headline: string, next: () => number): string | undefined {
  const words = headline.split(/\s+/).filter((word) => /^[A-Za-z]{3,}$/.test(word));
  if (words.length < 2) return undefined;
  const at = Math.floor(next() * (words.length - 1));
  return `"${words[at]} ${words[at + 1]}"`.toLowerCase();
}

function shuffle<T>(values: T[], next: () => number): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Up to `count` different values of `make` (it gives up after many repeats). */
function distinct(count: number, make: () => string): string[] {
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count && tries < count * 20; tries += 1) seen.add(make());
  return [...seen];
}
