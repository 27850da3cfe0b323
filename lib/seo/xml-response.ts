/** A sitemap file: XML, cacheable for an hour (crawlers fetch sitemaps a few times a day at most). */
export function xmlResponse(body: string | ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
}
