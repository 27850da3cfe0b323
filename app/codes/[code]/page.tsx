import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { FollowLinks } from "@/components/follow-links";
import { WireListSection } from "@/components/wire-list-section";
import { getCode } from "@/lib/codes/get-code";
import { feedAlternates } from "@/lib/feeds/feed-links";
import { archiveHref, parseArchiveQuery, type SearchParams } from "@/lib/search/archive-query";
import { EDITORS_GUIDE } from "@/lib/wires/labels";
import { listArchiveWires } from "@/lib/wires/list-archive-wires";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = await getCode(decodeURIComponent((await params).code));
  if (!code) return { title: "Code not found" };
  return { title: `${code.code} ${code.label}`, description: `${code.code}: ${code.definition}`, alternates: { canonical: `/codes/${code.code}`, ...feedAlternates("archive", { code: [code.code] }) } };
}

export default async function CodePage({ params, searchParams }: Props) {
  const requested = decodeURIComponent((await params).code);
  const code = await getCode(requested);
  if (!code) notFound();
  if (code.code !== requested) permanentRedirect(`/codes/${code.code}`);
  const query = parseArchiveQuery(await searchParams);
  const { cursor, dir } = query.success ? query.data : {};
  // A page address whose cursor or direction cannot be read shows the newest wires, and says so.
  const unreadable = !query.success && query.error.issues.some((issue) => issue.path[0] === "cursor" || issue.path[0] === "dir");
  const page = await listArchiveWires({ providerIds: [], codes: [code.code] }, { cursor, direction: dir, limit: 20 });
  return (
    <div className="mx-auto max-w-3xl">
      <p className="font-sans text-sm font-semibold tracking-widest text-muted uppercase">
        Code · family {code.family.letter}, {code.family.name}
      </p>
      <h1 className="mt-1 text-3xl font-semibold">
        <span className="font-mono">{code.code}</span> {code.label}
      </h1>
      <p className="mt-3">{code.definition}</p>
      <p className="mt-3 font-sans text-sm text-muted">
        {code.family.description} See the <a href={`${EDITORS_GUIDE}#code-taxonomy`}>code taxonomy</a>.
      </p>
      <p className="mt-2 font-sans text-sm">
        {code.wireCount} {code.wireCount === 1 ? "wire" : "wires"} · <a href={archiveHref({ code: [code.code] })}>filter the archive by {code.code}</a>
      </p>
      <FollowLinks kind="archive" state={{ code: [code.code] }} subject={code.code} className="mt-4" />
      <WireListSection page={page} badCursor={page.badCursor || unreadable} base={`/codes/${code.code}`} empty="No wire carries this code yet." />
    </div>
  );
}
