import { formatTime } from "@/lib/format/format-date";
import type { RecentAmendment } from "@/lib/rationale/list-recent-amendments";

/** Amendments and restores, newest first, each with its wire, version, author, time and reason. */
export function AmendmentList({ items, showAuthor, empty }: { items: RecentAmendment[]; showAuthor: boolean; empty: string }) {
  if (items.length === 0) return <p className="mt-2 text-sm text-muted">{empty}</p>;
  return (
    <ol className="mt-2">
      {items.map((item) => (
        <li key={`${item.wire.id}-${item.version}`} className="border-t border-rule py-3 text-sm">
          <a href={`/wires/${item.wire.id}/${item.wire.slug}`} className="font-semibold">{item.wire.headline}</a>
          <p className="mt-1 text-muted">
            <span className="font-mono">{item.wire.id}</span> · version {item.version}
            {item.kind === "RESTORE" && item.restoredFrom !== null && <> (restored from version {item.restoredFrom})</>}
            {showAuthor && <> · {item.author}</>} · <time dateTime={item.createdAt}>{formatTime(item.createdAt)}</time> ·{" "}
            <a href={`/wires/${item.wire.id}/history`}>history</a>
          </p>
          <p className="mt-1">Reason: {item.reason}</p>
        </li>
      ))}
    </ol>
  );
}
