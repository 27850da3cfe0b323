import { exportPath } from "@/lib/export/export-path";
import type { ArchiveState } from "@/lib/search/archive-query";

const FORMATS = [
  { format: "csv", label: "CSV", mediaType: "text/csv", hint: "for spreadsheets" },
  { format: "ndjson", label: "NDJSON", mediaType: "application/x-ndjson", hint: "one JSON record per line" },
] as const;

/**
 * "Download this search (1,234 wires): CSV · NDJSON": every match of the current search as a file,
 * not just the page shown. Plain links, so they work without JavaScript.
 */
export function DownloadLinks({ state, total, className = "" }: { state: ArchiveState; total: number; className?: string }) {
  const count = `${total.toLocaleString("en-GB")} ${total === 1 ? "wire" : "wires"}`;
  return (
    <nav aria-label="Download this search" className={`flex flex-wrap items-baseline gap-x-3 gap-y-1 font-sans text-sm ${className}`}>
      <span className="inline-flex items-center gap-1.5 font-semibold">
        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="shrink-0 fill-current">
          <path d="M7 1h2v7.2l2.6-2.6 1.4 1.4L8 12 3 7l1.4-1.4L7 8.2z" />
          <path d="M2 13h12v2H2z" />
        </svg>
        Download this search ({count}):
      </span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {FORMATS.map(({ format, label, mediaType, hint }) => (
          <li key={format} className="whitespace-nowrap">
            <a href={exportPath(format, state)} type={mediaType} download title={`${label}: ${hint}`}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
