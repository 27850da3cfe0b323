import type { Bitset } from "@/lib/search/bitset";
import { dayOf, type IndexRow } from "@/lib/search/facet-index";

/** An index row for unit tests: a published, standard SEV-3 OpenAI (provider 1) wire coded M1. */
export const indexRow = (ord: number, date: string, over: Partial<IndexRow> = {}): IndexRow => ({
  ord,
  day: dayOf(date),
  severity: 3,
  standard: "STANDARD",
  status: "PUBLISHED",
  providers: [1],
  codes: ["M1"],
  ...over,
});

/** A bitset's members in increasing order. */
export const members = (bits: Bitset): number[] => {
  const out: number[] = [];
  bits.forEach((ord) => out.push(ord));
  return out;
};
