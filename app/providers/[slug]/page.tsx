import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { FollowLinks } from "@/components/follow-links";
import { WireListSection } from "@/components/wire-list-section";
import { feedAlternates } from "@/lib/feeds/feed-links";
import { getProvider } from "@/lib/providers/get-provider";
import { archiveHref, parseArchiveQuery, type SearchParams } from "@/lib/search/archive-query";
import { listArchiveWires } from "@/lib/wires/list-archive-wires";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const provider = await getProvider(decodeURIComponent((await params).slug));
  if (!provider) return { title: "Provider not found" };
  return {
    title: `${provider.name}: AI incidents`,
    description: `Wires about AI incidents involving ${provider.name}. ${provider.description}`,
    alternates: { canonical: `/providers/${provider.slug}`, ...feedAlternates("archive", { provider: [provider.slug] }, new Map([[provider.slug, provider.name]])) },
  };
}

export default async function ProviderPage({ params, searchParams }: Props) {
  const slug = decodeURIComponent((await params).slug);
  const provider = await getProvider(slug);
  if (!provider) notFound();
  if (provider.slug !== slug) permanentRedirect(`/providers/${provider.slug}`);
  const query = parseArchiveQuery(await searchParams);
  const { cursor, dir } = query.success ? query.data : {};
  // A page address whose cursor or direction cannot be read shows the newest wires, and says so.
  const unreadable = !query.success && query.error.issues.some((issue) => issue.path[0] === "cursor" || issue.path[0] === "dir");
  const page = await listArchiveWires({ providerIds: [provider.id], codes: [] }, { cursor, direction: dir, limit: 20 });
  return (
    <div className="mx-auto max-w-3xl">
      <p className="font-sans text-sm font-semibold tracking-widest text-muted uppercase">Provider</p>
      <h1 className="mt-1 text-3xl font-semibold">{provider.name}</h1>
      <p className="mt-3">{provider.description}</p>
      <dl className="mt-4 grid gap-x-4 gap-y-1 font-sans text-sm sm:grid-cols-[auto_1fr]">
        {provider.aliases.length > 0 && (
          <>
            <dt className="font-semibold">Also known as</dt>
            <dd>{provider.aliases.join(", ")}</dd>
          </>
        )}
        {provider.url && (
          <>
            <dt className="font-semibold">Website</dt>
            <dd><a href={provider.url} rel="noopener noreferrer">{provider.url}</a></dd>
          </>
        )}
        <dt className="font-semibold">Wires</dt>
        <dd>
          {provider.wireCount} · <a href={archiveHref({ provider: [provider.slug] })}>filter the archive by {provider.name}</a>
        </dd>
      </dl>
      <FollowLinks kind="archive" state={{ provider: [provider.slug] }} subject={provider.name} className="mt-4" />
      <WireListSection page={page} badCursor={page.badCursor || unreadable} base={`/providers/${provider.slug}`} empty="No wires name this provider yet." />
    </div>
  );
}
