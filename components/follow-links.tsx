import { FEED_FORMATS, FORMAT_ORDER, feedPath, type FeedKind } from "@/lib/feeds/feed-links";
import type { ArchiveState } from "@/lib/search/archive-query";

/**
 * "Follow this search: RSS Atom JSON Feed": the page's feeds, for a feed reader. Plain links,
 * so they work without JavaScript and can be copied into any reader.
 */
export function FollowLinks({ kind, state = {}, subject, className = "" }: { kind: FeedKind; state?: ArchiveState; subject: string; className?: string }) {
  return (
    <nav aria-label={`Follow ${subject}`} className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 font-sans text-sm ${className}`}>
      <span className="inline-flex items-center gap-1.5 font-semibold">
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="shrink-0 fill-current">
          <circle cx="3" cy="13" r="2" />
          <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5H7.3A6.3 6.3 0 0 0 1 8.7z" />
          <path d="M1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z" />
        </svg>
        Follow {subject}:
      </span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {FORMAT_ORDER.map((format) => (
          <li key={format} className="whitespace-nowrap">
            <a href={feedPath(kind, format, state)} type={FEED_FORMATS[format].mediaType}>
              {FEED_FORMATS[format].label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
