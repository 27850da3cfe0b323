import "server-only";
import { getDb } from "@/lib/db/get-db";
import { codeTagKey, providerTagKey, recordDependency } from "@/lib/http/render-dependencies";
import { recycle } from "@/lib/search/bitset";
import { STATUS_CODES } from "@/lib/search/facet-index";
import { loadSearchIndex } from "@/lib/search/load-search-index";
import { loadWireCards } from "@/lib/search/load-wire-cards";
import { rankRelated, type RelatedCandidate } from "@/lib/search/rank-related";
import type { WireCard } from "./wire-card";

export const RELATED_LIMIT = 8;

/** Shared codes count twice what a shared provider does. */
const CODE_WEIGHT = 2;
const PROVIDER_WEIGHT = 1;
const LISTABLE = new Set<WireCard["status"]>(["PUBLISHED", "CORRECTED"]);
/** Past this many candidates (ties on points and distance), their ids are read first, and cards only for the chosen. */
const CARDS_AT_ONCE = 32;

/** The wire whose related events are wanted: its ordinal and its curated links' (getWire gives both). */
type Self = { id: string; ord: number; curated: number[] | null };

/**
 * Related events: curated links first, then wires sharing codes (worth two points each) and providers
 * (one point each), nearest in time breaking ties, then the id. Withdrawn and merged wires are left
 * out. Ranked in the search index (lib/search/rank-related.ts), so the cost does not grow with the
 * number of wires sharing a common code: the index's freshness check (beside one statement for the
 * wire's ordinal and curated links, unless `wire` carries them), then one statement for the cards.
 */
export async function listRelatedWires(wire: string | Self, limit = RELATED_LIMIT): Promise<WireCard[]> {
  const db = await getDb();
  const [index, self] = await Promise.all([
    loadSearchIndex(),
    typeof wire === "string"
      ? db
          .read<Self>(
            `SELECT w.id, w.ord, (SELECT array_agg(t.ord ORDER BY l.position) FROM wire_link l JOIN wire t ON t.id = l.to_id WHERE l.from_id = w.id) AS curated
             FROM wire w WHERE w.id = $1`,
            [wire],
          )
          .then((rows) => rows[0])
      : wire,
  ]);
  if (!self) return [];
  const curated = [...new Set(self.curated ?? [])].filter((ord) => ord !== self.ord);
  const { codes, providers } = index.tagSets(self.ord);
  // The related events change when a wire sharing one of these gains or loses it, or its status or date changes.
  const tags = index.tagKeys(self.ord);
  recordDependency(...tags.codes.map(codeTagKey), ...tags.providers.map(providerTagKey));
  const eligible = index.withStatus([STATUS_CODES.PUBLISHED, STATUS_CODES.CORRECTED]);
  let candidates: RelatedCandidate[];
  try {
    eligible.clear(self.ord);
    const day = index.day[self.ord]!;
    const order = index.newestFirst();
    const after = index.positionAfter(day, self.ord);
    candidates = rankRelated({
      tags: [...codes.map((bits) => ({ bits, weight: CODE_WEIGHT as 2 })), ...providers.map((bits) => ({ bits, weight: PROVIDER_WEIGHT as 1 }))],
      eligible,
      order,
      day: index.day,
      self: { day, position: order[after - 1] === self.ord ? after - 1 : -1 },
      // Curated wires may also rank: enough to fill the list without them.
      wanted: limit + curated.length,
    });
  } finally {
    recycle(eligible);
  }
  const others = candidates.filter((candidate) => !curated.includes(candidate.ord));
  // Few candidates: their cards carry the ids that break the last ties. Many (a tie on points and
  // distance among dozens): their ids first, then the cards of the chosen only.
  const cards = await loadWireCards([...curated, ...(others.length <= CARDS_AT_ONCE ? others.map((c) => c.ord) : [])]);
  const ids = others.length <= CARDS_AT_ONCE ? new Map([...cards].map(([ord, card]) => [ord, card.id])) : await idsOf(others);
  const ranked = others
    .sort((a, b) => b.score - a.score || a.distance - b.distance || compareIds(ids.get(a.ord), ids.get(b.ord)))
    .slice(0, limit)
    .map((candidate) => candidate.ord);
  if (others.length > CARDS_AT_ONCE) for (const [ord, card] of await loadWireCards(ranked)) cards.set(ord, card);
  return [...curated, ...ranked]
    .flatMap((ord) => {
      const card = cards.get(ord);
      return card && LISTABLE.has(card.status) ? [card] : [];
    })
    .slice(0, limit);
}

async function idsOf(candidates: RelatedCandidate[]): Promise<Map<number, string>> {
  const db = await getDb();
  const rows = await db.read<{ ord: number; id: string }>(`SELECT ord, id FROM wire WHERE ord = ANY($1::int[])`, [candidates.map((c) => c.ord)]);
  return new Map(rows.map((row) => [row.ord, row.id]));
}

/** Ids compare as PostgreSQL's "C" collation would (byte order): they are ASCII. */
function compareIds(a = "", b = ""): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
