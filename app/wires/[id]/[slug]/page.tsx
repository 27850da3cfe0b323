import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { SeverityBadge } from "@/components/severity-badge";
import { CodeTags, ProviderLinks } from "@/components/tag-links";
import { WireRationale } from "@/components/wire-rationale";
import { WireSources } from "@/components/wire-sources";
import { getEditorSession } from "@/lib/auth/get-editor-session";
import { formatLongDate, formatTime } from "@/lib/format/format-date";
import { EDITORS_GUIDE, sourcingLine } from "@/lib/wires/labels";
import { findWireRoute } from "@/lib/wires/find-wire-route";
import { getWire } from "@/lib/wires/get-wire";
import { listRelatedWires } from "@/lib/wires/list-related-wires";
import { wirePath } from "@/lib/wires/wire-card";
import { wireMetadata } from "@/lib/seo/wire-metadata";
import { WireJsonLd } from "@/components/wire-json-ld";
import { relatedWiresHtml } from "@/components/wire-list-html";

type Params = { params: Promise<{ id: string; slug: string }> };
type PageProps = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const wire = await getWire(decodeURIComponent(id));
  if (!wire) return { title: "Wire not found" };
  return wireMetadata(wire);
}

export default async function WirePage({ params, searchParams }: PageProps) {
  const { id, slug } = await params;
  const wire = await getWire(decodeURIComponent(id));
  // Merged wires, old slugs and ids in the wrong case all land on the canonical address.
  const requested = `/wires/${decodeURIComponent(id)}/${decodeURIComponent(slug)}`;
  if (!wire || wire.status === "MERGED" || wirePath(wire) !== requested) {
    const route = await findWireRoute(decodeURIComponent(id));
    if (!route) notFound();
    if (route.canonical !== requested) permanentRedirect(route.canonical);
  }
  if (!wire) notFound();
  const [related, session, { amended }] = await Promise.all([listRelatedWires(wire), getEditorSession(), searchParams]);
  const { guides } = wire;
  const withdrawn = wire.status === "WITHDRAWN";
  // After a save the form lands here with ?amended=<version>: confirm it only while it is current.
  const justAmended = session && wire.rationale && amended === String(wire.rationale.version);
  return (
    <article className="mx-auto max-w-3xl" aria-labelledby="headline">
      <WireJsonLd wire={wire} />
      <nav aria-label="Back" className="font-sans text-sm">
        <a href="/">← Latest</a> · <a href="/archive">Archive</a>
      </nav>
      <div className="mt-6 flex flex-wrap items-center gap-x-3 gap-y-1">
        <SeverityBadge severity={wire.severity} link />
        <ProviderLinks providers={wire.providers} />
      </div>
      <p className="mt-1 font-sans text-sm text-muted">
        <a href={`${EDITORS_GUIDE}#sourcing-standards`} className="text-muted">{sourcingLine(wire.sources.length, wire.sourcingStandard)}</a>
      </p>
      <h1 id="headline" className={`mt-3 text-3xl leading-tight font-semibold sm:text-4xl ${withdrawn ? "line-through decoration-2" : ""}`}>
        {wire.headline}
      </h1>
      <p className="mt-3 font-sans text-sm text-muted">
        <span className="font-mono">{wire.id}</span> · Event <time dateTime={wire.occurredOn}>{formatLongDate(wire.occurredOn)}</time> · Filed{" "}
        <time dateTime={wire.publishedAt}>{formatTime(wire.publishedAt)}</time>
        {wire.updatedAt !== wire.publishedAt && (
          <> · Updated <time dateTime={wire.updatedAt}>{formatTime(wire.updatedAt)}</time></>
        )}
      </p>
      {withdrawn ? (
        <section role="note" aria-labelledby="withdrawn" className="mt-8 border-l-4 border-ink pl-4">
          <h2 id="withdrawn" className="font-sans text-lg font-semibold">This wire was withdrawn</h2>
          <p className="mt-2">{wire.statusNote}</p>
          <p className="mt-2 font-sans text-sm text-muted">Its id stays reserved and is never reused. The text is no longer published.</p>
        </section>
      ) : (
        <>
          {wire.status === "CORRECTED" && wire.statusNote && (
            <section role="note" aria-labelledby="correction" className="mt-6 border-l-4 border-ink pl-4">
              <h2 id="correction" className="font-sans text-sm font-semibold uppercase">Correction</h2>
              <p className="mt-1">{wire.statusNote}</p>
            </section>
          )}
          <Markdown text={wire.body} sources={wire.sources.map((s) => ({ position: s.position, url: s.url, title: s.title }))} className="prose mt-6" />
          <WireSources sources={wire.sources} />
          {justAmended && (
            <p role="status" className="mt-10 rounded-sm border-2 border-accent p-3 font-sans text-sm">
              Saved: the rationale is now version {wire.rationale?.version}. Readers see it here, in Latest and in the feeds.
            </p>
          )}
          {wire.rationale && <WireRationale wireId={wire.id} rationale={wire.rationale} />}
          {wire.rationale && session && (
            <p className="mt-3 font-sans text-sm">
              <a href={`/wires/${wire.id}/amend`} className="inline-block rounded-sm bg-accent px-3 py-1.5 font-semibold text-paper no-underline">
                Amend rationale
              </a>
            </p>
          )}
        </>
      )}
      <dl className="mt-8 grid gap-x-4 gap-y-3 font-sans text-sm sm:grid-cols-[6rem_1fr]">
        <dt className="font-semibold">Codes</dt>
        <dd><CodeTags codes={wire.codes} /></dd>
        <dt className="font-semibold">Providers</dt>
        <dd>
          <ul className="inline-flex flex-wrap gap-1.5" aria-label="Providers">
            {wire.providers.map((provider) => (
              <li key={provider.slug}><a className="tag" href={`/archive?provider=${provider.slug}`}>{provider.name}</a></li>
            ))}
          </ul>
        </dd>
      </dl>
      {guides.length > 0 && (
        <section aria-labelledby="related-guides" className="mt-12">
          <h2 id="related-guides" className="font-sans text-lg font-semibold">Related guides ({guides.length})</h2>
          <ul className="mt-2">
            {guides.map((guide) => (
              <li key={guide.slug} className="border-t border-rule py-3">
                <a href={`/guides/${guide.slug}`} className="font-semibold">{guide.title}</a>
                <p className="text-muted">{guide.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related-events" className="mt-10">
          <h2 id="related-events" className="font-sans text-lg font-semibold">Related events ({related.length})</h2>
          <ul className="mt-2" dangerouslySetInnerHTML={{ __html: relatedWiresHtml(related) }} />
        </section>
      )}
    </article>
  );
}
