import Link from "next/link";

/** The active filters as removable chips, and "Clear all". */
export function ArchiveActiveFilters({ chips }: { chips: { key: string; label: string; href: string }[] }) {
  if (chips.length === 0) return null;
  return (
    <div role="group" aria-label="Active filters" className="mt-4 flex flex-wrap items-center gap-2 font-sans text-sm">
      {chips.map((chip) => (
        <Link key={chip.key} href={chip.href} prefetch={false} scroll={false} className="tag inline-flex max-w-full items-center gap-1 break-words">
          {chip.label} <span aria-hidden="true">×</span>
          <span className="sr-only">(remove this filter)</span>
        </Link>
      ))}
      <Link href="/archive" prefetch={false} scroll={false} className="text-sm">
        Clear all
      </Link>
    </div>
  );
}
