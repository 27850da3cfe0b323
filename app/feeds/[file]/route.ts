import { serveFeed } from "@/lib/feeds/serve-feed";

// Feeds read the live archive; their freshness is the Cache-Control and validators they carry.
export const dynamic = "force-dynamic";

/** /feeds/latest.rss, /feeds/archive.atom?provider=openai, ...: see lib/feeds/serve-feed.ts. */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  return serveFeed(request, file);
}
