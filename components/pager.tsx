/** "Newer" / "Older" links for keyset pages; plain links, so they work without JavaScript. */
export function Pager({ newerHref, olderHref }: { newerHref?: string; olderHref?: string }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label="Pages" className="mt-8 flex justify-between border-t border-rule pt-4 font-sans text-sm">
      {newerHref ? <a href={newerHref} rel="prev">← Newer wires</a> : <span />}
      {olderHref ? <a href={olderHref} rel="next">Older wires →</a> : <span />}
    </nav>
  );
}
