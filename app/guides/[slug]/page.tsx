import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CodeTaxonomy } from "@/components/code-taxonomy";
import { Markdown } from "@/components/markdown";
import { CodeTags } from "@/components/tag-links";
import { formatLongDate } from "@/lib/format/format-date";
import { listCodeFamilies } from "@/lib/codes/list-code-families";
import { getGuide } from "@/lib/guides/get-guide";

type Props = { params: Promise<{ slug: string }> };

/** The Editor's Guide prints the code taxonomy from the database, so every code in use is defined there. */
const EDITORS_GUIDE_SLUG = "editors-guide";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guide = await getGuide((await params).slug);
  return guide ? { title: guide.title, description: guide.summary, alternates: { canonical: `/guides/${guide.slug}` } } : { title: "Guide not found" };
}

export default async function GuidePage({ params }: Props) {
  const guide = await getGuide((await params).slug);
  if (!guide) notFound();
  const families = guide.slug === EDITORS_GUIDE_SLUG ? await listCodeFamilies() : [];
  return (
    <article className="mx-auto max-w-3xl" aria-labelledby="title">
      <nav aria-label="Back" className="font-sans text-sm"><a href="/guides">← Guides</a></nav>
      <h1 id="title" className="mt-4 text-3xl font-semibold sm:text-4xl">{guide.title}</h1>
      <p className="mt-2 text-lg text-muted">{guide.summary}</p>
      <p className="mt-2 font-sans text-xs text-muted">Updated <time dateTime={guide.updatedAt}>{formatLongDate(guide.updatedAt)}</time></p>
      <Markdown text={guide.body} className="prose mt-6" anchors />
      {families.length > 0 && <CodeTaxonomy families={families} />}
      {(guide.codes.length > 0 || guide.providers.length > 0) && (
        <dl className="mt-10 grid gap-x-4 gap-y-3 font-sans text-sm sm:grid-cols-[6rem_1fr]">
          {guide.codes.length > 0 && (
            <>
              <dt className="font-semibold">Codes</dt>
              <dd><CodeTags codes={guide.codes} /></dd>
            </>
          )}
          {guide.providers.length > 0 && (
            <>
              <dt className="font-semibold">Providers</dt>
              <dd>{guide.providers.map((p, i) => <span key={p.slug}>{i > 0 && ", "}<a href={`/providers/${p.slug}`}>{p.name}</a></span>)}</dd>
            </>
          )}
        </dl>
      )}
    </article>
  );
}
