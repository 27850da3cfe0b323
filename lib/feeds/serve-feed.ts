import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { searchParamsOf, type QueryProblem } from "@/lib/search/archive-query";
import { buildFeed, type Feed } from "./build-feed";
import { conditionalResponse } from "./conditional-response";
import { FEED_FORMATS, type FeedFormat, type FeedKind } from "./feed-links";
import { parseFeedQuery } from "./feed-query";
import { FEED_SIZE, listFeedWires } from "./list-feed-wires";
import { publicBaseUrl } from "./public-base-url";
import { renderAtom } from "./render-atom";
import { renderJsonFeed } from "./render-json-feed";
import { renderRss } from "./render-rss";

const FILE = /^(latest|archive)\.(rss|atom|json)$/;
const RENDER: Record<FeedFormat, (feed: Feed) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/**
 * GET /feeds/<latest|archive>.<rss|atom|json>: a feed of the newest wires, of the whole archive
 * or of any archive search. Bad parameters get a plain-text 400 naming each; errors never carry a
 * stack trace.
 */
export async function serveFeed(request: Request, file: string): Promise<Response> {
  const match = FILE.exec(file);
  if (!match) return plain(404, "No such feed. Feeds are /feeds/latest.rss, .atom or .json, and /feeds/archive.rss, .atom or .json with the archive's parameters.");
  const kind = match[1] as FeedKind;
  const format = match[2] as FeedFormat;
  const parsed = parseFeedQuery(searchParamsOf(new URL(request.url).searchParams), kind);
  if (parsed.status === "invalid") return invalid(parsed.problems);
  try {
    const selection = await listFeedWires(parsed.query);
    if (selection.status === "invalid") return invalid(selection.problems);
    const { query } = parsed;
    // The state the feed's own links use: providers by their slug, codes in capitals, as /archive writes them.
    const state = { ...query, provider: selection.providers.map((provider) => provider.slug), code: query.code.map((code) => code.toUpperCase()) };
    const feed = await buildFeed({
      kind,
      state,
      providerNames: new Map(selection.providers.map((provider) => [provider.slug, provider.name])),
      wires: selection.wires,
      base: publicBaseUrl(request),
      size: FEED_SIZE,
      fallbackUpdated: selection.wires.length > 0 ? new Date(0) : await newestFiling(),
    });
    return conditionalResponse(request, {
      body: RENDER[format](feed),
      contentType: `${FEED_FORMATS[format].mediaType}; charset=utf-8`,
      lastModified: feed.updated,
    });
  } catch (error) {
    console.error("[feeds] could not build a feed", error);
    return plain(500, "The feed could not be built. Please try again.");
  }
}

/** An empty feed is dated by the archive's newest filing, so that its updated time stays put. */
async function newestFiling(): Promise<Date> {
  const prisma = await getPrisma();
  const newest = await prisma.wire.findFirst({ orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { publishedAt: true } });
  return newest?.publishedAt ?? new Date(0);
}

function invalid(problems: QueryProblem[]): Response {
  const lines = problems.map((problem) => `${problem.param}: ${problem.message}`);
  return plain(400, `This feed's address has parameters the archive cannot use:\n${lines.join("\n")}`);
}

function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
