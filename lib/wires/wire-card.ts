import type { Prisma } from "@/lib/db/generated/client";
import { cardKey, recordDependency } from "@/lib/http/render-dependencies";

/** What a list of wires shows for each: Latest, Archive, provider and code pages, related events. */
export type WireCard = {
  id: string;
  slug: string;
  headline: string;
  summary: string;
  occurredOn: string;
  publishedAt: string;
  severity: number;
  sourcingStandard: "PROVISIONAL" | "STANDARD" | "CONFIRMED";
  status: "PUBLISHED" | "CORRECTED" | "WITHDRAWN" | "MERGED";
  sourceCount: number;
  providers: { slug: string; name: string }[];
  codes: { code: string; label: string }[];
  /** When an editor last amended or restored the rationale (ISO time), with its version; null while it stands as classified. */
  rationaleAmended: { at: string; version: number } | null;
};

export const wireCardSelect = {
  id: true,
  slug: true,
  headline: true,
  summary: true,
  occurredOn: true,
  publishedAt: true,
  severity: true,
  sourcingStandard: true,
  status: true,
  // The positions, counted here: a relation _count can aggregate the whole source table.
  sources: { select: { position: true } },
  providers: { select: { provider: { select: { slug: true, name: true } } }, orderBy: { position: "asc" } },
  codes: { select: { ref: { select: { code: true, label: true, familyLetter: true, number: true } } }, orderBy: { position: "asc" } },
  rationale: { select: { basis: true, version: true, updatedAt: true } },
} satisfies Prisma.WireSelect;

type CardRow = Prisma.WireGetPayload<{ select: typeof wireCardSelect }>;

export function toWireCard(row: CardRow): WireCard {
  recordDependency(cardKey(row.id));
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    summary: row.summary,
    occurredOn: row.occurredOn.toISOString().slice(0, 10),
    publishedAt: row.publishedAt.toISOString(),
    severity: row.severity,
    sourcingStandard: row.sourcingStandard,
    status: row.status,
    sourceCount: row.sources.length,
    providers: row.providers.map(({ provider }) => provider),
    codes: row.codes.map(({ ref }) => ({ code: ref.code, label: ref.label })),
    rationaleAmended:
      row.rationale?.basis === "EDITOR_AMENDMENT" ? { at: row.rationale.updatedAt.toISOString(), version: row.rationale.version } : null,
  };
}

export function wirePath(wire: { id: string; slug: string }): string {
  return `/wires/${wire.id}/${wire.slug}`;
}
