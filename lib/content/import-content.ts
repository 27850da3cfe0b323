import type { PrismaClient } from "@/lib/db/generated/client";
import type { RationaleBasis, SourceKind, SourcingStandard, WireStatus } from "@/lib/db/generated/enums";
import { normalizeProviderName } from "@/lib/providers/normalize-provider-name";
import { refreshSearchBlocks } from "@/lib/search/postings/rebuild-search-blocks";
import { prismaTransactions } from "@/lib/search/postings/sql-transactions";
import { loadContent, type ContentWire, type LoadedContent } from "./load-content";

export type ImportReport = {
  wiresCreated: number;
  wiresUpdated: number;
  providers: number;
  codes: number;
  guides: number;
  /** Rationales left as they are because they already exist: after import, editors own them. */
  rationalesKept: number;
};

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const enumOf = <T extends string>(value: string) => value.toUpperCase().replace(/-/g, "_") as T;
const day = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * Validates every file in `dir`, then upserts all of it by permanent id in one transaction:
 * a bad file throws a ContentError and nothing is written. Running it twice changes nothing.
 */
export async function importContent(
  prisma: PrismaClient,
  dir: string,
  onProgress: (message: string) => void = () => undefined,
): Promise<ImportReport> {
  const content = await loadContent(dir);
  onProgress(`validated ${content.wires.length} wires, ${content.guides.length} guides, ${content.providers.length} providers`);
  const report = await prisma.$transaction((tx) => writeContent(tx, content, onProgress), { maxWait: 30_000, timeout: 300_000 });
  // The search's text postings of the blocks the import changed. Derived data, so after the commit, and
  // a failure here loses nothing: until they are rebuilt the search finds the new text in PostgreSQL itself.
  try {
    const postings = await refreshSearchBlocks(prismaTransactions(prisma));
    if (postings.blocks.length > 0) onProgress(`rebuilt the text postings of ${postings.blocks.length} block(s) in ${postings.seconds.toFixed(1)} s`);
  } catch (error) {
    onProgress(`the text postings were not rebuilt (${error instanceof Error ? error.message : String(error)}); searches stay exact but slower until "npm run wires -- reindex"`);
  }
  return report;
}

async function writeContent(tx: Tx, content: LoadedContent, onProgress: (message: string) => void): Promise<ImportReport> {
  const providerIds = new Map<string, number>();
  for (const provider of content.providers) {
    const fields = { name: provider.name, description: provider.description, url: provider.url ?? null };
    const row = await tx.provider.upsert({ where: { slug: provider.slug }, create: { slug: provider.slug, ...fields }, update: fields, select: { id: true } });
    providerIds.set(provider.slug, row.id);
    await tx.providerAlias.deleteMany({ where: { providerId: row.id } });
    const aliases = new Map([provider.name, provider.slug, ...provider.aliases].map((alias) => [normalizeProviderName(alias), alias]));
    await tx.providerAlias.createMany({ data: [...aliases].map(([normalized, alias]) => ({ providerId: row.id, alias, normalized })) });
  }

  let codes = 0;
  for (const family of content.taxonomy.families) {
    const fields = { name: family.name, description: family.description };
    await tx.codeFamily.upsert({ where: { letter: family.letter }, create: { letter: family.letter, ...fields }, update: fields });
    for (const code of family.codes) {
      const key = `${family.letter}${code.number}`;
      const codeFields = { familyLetter: family.letter, number: code.number, label: code.label, definition: code.definition };
      await tx.code.upsert({ where: { code: key }, create: { code: key, ...codeFields }, update: codeFields });
      codes += 1;
    }
  }

  for (const guide of content.guides) {
    const fields = { title: guide.title, summary: guide.summary, body: guide.body, position: guide.position, updatedAt: new Date() };
    const existing = await tx.guide.findUnique({ where: { slug: guide.slug }, select: { body: true, title: true, summary: true, position: true, updatedAt: true } });
    const unchanged = existing && existing.body === guide.body && existing.title === guide.title && existing.summary === guide.summary && existing.position === guide.position;
    if (unchanged) fields.updatedAt = existing.updatedAt;
    await tx.guide.upsert({ where: { slug: guide.slug }, create: { slug: guide.slug, ...fields }, update: fields });
    await tx.guideCode.deleteMany({ where: { guideSlug: guide.slug } });
    await tx.guideCode.createMany({ data: guide.codes.map((code) => ({ guideSlug: guide.slug, code })) });
    await tx.guideProvider.deleteMany({ where: { guideSlug: guide.slug } });
    await tx.guideProvider.createMany({ data: guide.providers.map((slug) => ({ guideSlug: guide.slug, providerId: providerIds.get(slug)! })) });
  }

  const existingIds = new Set(
    (await tx.wire.findMany({ where: { id: { in: content.wires.map((wire) => wire.id) } }, select: { id: true } })).map((row) => row.id),
  );
  let rationalesKept = 0;
  for (const [index, wire] of content.wires.entries()) {
    rationalesKept += await writeWire(tx, wire, providerIds);
    if ((index + 1) % 50 === 0) onProgress(`wrote ${index + 1}/${content.wires.length} wires`);
  }
  // Merges and curated links point at other wires, so they are written once every wire exists.
  for (const wire of content.wires) {
    await tx.wire.update({ where: { id: wire.id }, data: { mergedIntoId: wire.merged_into ?? null } });
    await tx.wireLink.deleteMany({ where: { fromId: wire.id } });
    await tx.wireLink.createMany({ data: wire.related.map((toId, index) => ({ fromId: wire.id, toId, position: index + 1 })) });
  }
  const created = content.wires.filter((wire) => !existingIds.has(wire.id)).length;
  return {
    wiresCreated: created,
    wiresUpdated: content.wires.length - created,
    providers: content.providers.length,
    codes,
    guides: content.guides.length,
    rationalesKept,
  };
}

/** Writes one wire with its sources and tags; returns 1 when an existing rationale was kept. */
async function writeWire(tx: Tx, wire: ContentWire, providerIds: Map<string, number>): Promise<number> {
  const existing = await tx.wire.findUnique({ where: { id: wire.id }, select: { updatedAt: true } });
  const contentUpdated = new Date(wire.updated_at ?? wire.published_at);
  // An amendment made in the archive may be newer than the file: keep the later time.
  const updatedAt = existing && existing.updatedAt > contentUpdated ? existing.updatedAt : contentUpdated;
  const fields = {
    slug: wire.slug,
    headline: wire.headline,
    summary: wire.summary,
    body: wire.body,
    occurredOn: day(wire.occurred_on),
    publishedAt: new Date(wire.published_at),
    updatedAt,
    severity: wire.severity,
    sourcingStandard: enumOf<SourcingStandard>(wire.sourcing),
    status: enumOf<WireStatus>(wire.status),
    statusNote: wire.status_note ?? null,
  };
  await tx.wire.upsert({ where: { id: wire.id }, create: { id: wire.id, ...fields }, update: fields });
  await tx.source.deleteMany({ where: { wireId: wire.id } });
  await tx.source.createMany({
    data: wire.sources.map((source, index) => ({
      wireId: wire.id,
      position: index + 1,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      publishedOn: source.published_on ? day(source.published_on) : null,
      kind: enumOf<SourceKind>(source.kind),
      archivedUrl: source.archived_url ?? null,
    })),
  });
  await tx.wireProvider.deleteMany({ where: { wireId: wire.id } });
  await tx.wireProvider.createMany({ data: wire.providers.map((slug, index) => ({ wireId: wire.id, providerId: providerIds.get(slug)!, position: index + 1 })) });
  await tx.wireCode.deleteMany({ where: { wireId: wire.id } });
  await tx.wireCode.createMany({ data: wire.codes.map((code, index) => ({ wireId: wire.id, code, position: index + 1 })) });
  await tx.wireGuide.deleteMany({ where: { wireId: wire.id } });
  await tx.wireGuide.createMany({ data: wire.guides.map((guideSlug) => ({ wireId: wire.id, guideSlug })) });

  const hasRationale = await tx.rationale.findUnique({ where: { wireId: wire.id }, select: { version: true } });
  if (hasRationale) return 1;
  const rationale = {
    text: wire.rationale.text,
    basis: enumOf<RationaleBasis>(wire.rationale.basis),
    basisLabel: wire.rationale.basis_label,
    basisDate: day(wire.rationale.basis_date),
    test: wire.rationale.test,
  };
  await tx.rationale.create({ data: { wireId: wire.id, ...rationale, version: 1, updatedAt: new Date(wire.published_at) } });
  await tx.rationaleRevision.create({
    data: { wireId: wire.id, version: 1, ...rationale, reason: `Imported from ${wire.file}`, author: wire.rationale.basis_label, createdAt: new Date(wire.published_at) },
  });
  return 0;
}
