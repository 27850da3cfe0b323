import { describe, expect, test } from "vitest";
import { recycle } from "@/lib/search/bitset";
import { FacetIndex, STATUS_CODES, type IndexRow } from "@/lib/search/facet-index";
import { rankRelated, type RelatedCandidate } from "@/lib/search/rank-related";

// rankRelated against a brute force over every wire, on random archives: small ones (tiers sorted
// outright) and one large enough that the last tier is met by walking outward in time.

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const STATUSES: IndexRow["status"][] = ["PUBLISHED", "PUBLISHED", "PUBLISHED", "PUBLISHED", "CORRECTED", "WITHDRAWN", "MERGED"];

function archive(size: number, seed: number): { index: FacetIndex; rows: IndexRow[] } {
  const next = random(seed);
  const index = new FacetIndex();
  const rows: IndexRow[] = [];
  const pick = <T,>(values: T[], most: number) => [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => values[Math.floor(next() * next() * values.length)]!))];
  const codes = Array.from({ length: 40 }, (_, i) => `C${i + 1}`);
  const providers = Array.from({ length: 30 }, (_, i) => i + 1);
  for (let ord = 1; ord <= size; ord += 1) {
    const row: IndexRow = {
      ord,
      // Days over ten years, several wires a day.
      day: 15_000 + Math.floor(next() * 3_650),
      severity: 1 + Math.floor(next() * 5),
      standard: "STANDARD",
      status: STATUSES[Math.floor(next() * STATUSES.length)]!,
      providers: pick(providers, 3),
      codes: pick(codes, 4),
    };
    rows.push(row);
    index.apply(row);
  }
  return { index, rows };
}

/** Every eligible wire's points and distance, best first, ties by ordinal. */
function bruteForce(rows: IndexRow[], self: IndexRow): RelatedCandidate[] {
  const codes = new Set(self.codes);
  const providers = new Set(self.providers);
  return rows
    .filter((row) => row.ord !== self.ord && (row.status === "PUBLISHED" || row.status === "CORRECTED"))
    .map((row) => ({
      ord: row.ord,
      score: 2 * row.codes.filter((code) => codes.has(code)).length + row.providers.filter((id) => providers.has(id)).length,
      distance: Math.abs(row.day - self.day),
    }))
    .filter((candidate) => candidate.score > 0)
    .sort(byRank);
}

const byRank = (a: RelatedCandidate, b: RelatedCandidate) => b.score - a.score || a.distance - b.distance || a.ord - b.ord;

function ranked(index: FacetIndex, self: IndexRow, wanted: number): RelatedCandidate[] {
  const { codes, providers } = index.tagSets(self.ord);
  const eligible = index.withStatus([STATUS_CODES.PUBLISHED, STATUS_CODES.CORRECTED]);
  eligible.clear(self.ord);
  const order = index.newestFirst();
  const after = index.positionAfter(self.day, self.ord);
  try {
    return rankRelated({
      tags: [...codes.map((bits) => ({ bits, weight: 2 as const })), ...providers.map((bits) => ({ bits, weight: 1 as const }))],
      eligible,
      order,
      day: index.day,
      self: { day: self.day, position: order[after - 1] === self.ord ? after - 1 : -1 },
      wanted,
    });
  } finally {
    recycle(eligible);
  }
}

describe("rankRelated", () => {
  test.each([
    [2_000, 1, 8, false],
    [2_000, 2, 40, false],
    [60_000, 3, 8, false],
    [60_000, 4, 200, true],
  ])("%i wires (seed %i): the best %i as a brute force ranks them, with the last one's ties", (size, seed, wanted, walks) => {
    const { index, rows } = archive(size, seed);
    const next = random(seed + 100);
    let walked = 0;
    for (let n = 0; n < 40; n += 1) {
      const self = rows[Math.floor(next() * rows.length)]!;
      const all = bruteForce(rows, self);
      const got = ranked(index, self, wanted).sort(byRank);
      const last = all[Math.min(wanted, all.length) - 1];
      // Exactly the wires that rank at least as well as the last one wanted.
      const expected = last ? all.filter((c) => byRank(c, last) <= 0 || (c.score === last.score && c.distance === last.distance)) : [];
      expect(got).toEqual(expected);
      if (all.filter((c) => c.score === last?.score).length >= 4_096) walked += 1;
    }
    // Where the last tier needed is a common one, it is met by the outward walk.
    expect(walked > 0).toBe(walks);
  });

  test("a wire that shares nothing with any other has no related wires", () => {
    const index = new FacetIndex();
    const lonely: IndexRow = { ord: 1, day: 100, severity: 3, standard: "STANDARD", status: "PUBLISHED", providers: [9], codes: ["Z9"] };
    index.apply(lonely);
    index.apply({ ...lonely, ord: 2, providers: [8], codes: ["Z8"] });
    expect(ranked(index, lonely, 8)).toEqual([]);
  });

  test("withdrawn and merged wires are never candidates, however much they share", () => {
    const index = new FacetIndex();
    const base: IndexRow = { ord: 1, day: 100, severity: 3, standard: "STANDARD", status: "PUBLISHED", providers: [1], codes: ["M1"] };
    index.apply(base);
    index.apply({ ...base, ord: 2, status: "WITHDRAWN" });
    index.apply({ ...base, ord: 3, status: "MERGED" });
    index.apply({ ...base, ord: 4, day: 900, codes: [] });
    expect(ranked(index, base, 8)).toEqual([{ ord: 4, score: 1, distance: 800 }]);
  });
});
