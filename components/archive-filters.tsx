import type { CodeFamilyWithCodes } from "@/lib/codes/list-code-families";
import type { ProviderSummary } from "@/lib/providers/list-providers";
import { archiveHref } from "@/lib/search/archive-query";

type Active = { provider: string[]; code: string[] };

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

/** Filter links: each adds or removes one value and keeps the rest of the state in the URL. */
export function ArchiveFilters({ active, providers, families }: { active: Active; providers: ProviderSummary[]; families: CodeFamilyWithCodes[] }) {
  return (
    <div className="space-y-6 font-sans text-sm">
      <section aria-labelledby="filter-providers">
        <h2 id="filter-providers" className="font-semibold">Providers</h2>
        <ul className="mt-2 space-y-1">
          {providers.map((provider) => {
            const on = active.provider.includes(provider.slug);
            return (
              <li key={provider.slug}>
                <a href={archiveHref({ ...active, provider: toggle(active.provider, provider.slug) })} aria-current={on ? "true" : undefined} className={on ? "font-bold" : ""}>
                  {on ? "✓ " : ""}{provider.name}
                </a>{" "}
                <span className="text-muted">({provider.wireCount})</span>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="filter-codes">
        <h2 id="filter-codes" className="font-semibold">Codes</h2>
        {families.map((family) => (
          <div key={family.letter} className="mt-3">
            <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">
              {family.letter} · {family.name}
            </h3>
            <ul className="mt-1 space-y-1">
              {family.codes
                .filter((code) => code.wireCount > 0)
                .map((code) => {
                  const on = active.code.includes(code.code);
                  return (
                    <li key={code.code}>
                      <a href={archiveHref({ ...active, code: toggle(active.code, code.code) })} aria-current={on ? "true" : undefined} className={on ? "font-bold" : ""}>
                        {on ? "✓ " : ""}<span className="font-mono">{code.code}</span> {code.label}
                      </a>{" "}
                      <span className="text-muted">({code.wireCount})</span>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}

/** The active filters as removable chips. */
export function ActiveFilters({ active, names }: { active: Active; names: Map<string, string> }) {
  if (active.provider.length === 0 && active.code.length === 0) return null;
  const chips = [
    ...active.provider.map((slug) => ({ key: `p-${slug}`, label: `Provider: ${names.get(`p:${slug}`) ?? slug}`, href: archiveHref({ ...active, provider: toggle(active.provider, slug) }) })),
    ...active.code.map((code) => ({ key: `c-${code}`, label: `Code: ${code}`, href: archiveHref({ ...active, code: toggle(active.code, code) }) })),
  ];
  return (
    <div className="flex flex-wrap items-center gap-2 font-sans text-sm" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <a key={chip.key} href={chip.href} className="tag inline-flex items-center gap-1">
          {chip.label} <span aria-hidden="true">×</span>
          <span className="sr-only">(remove this filter)</span>
        </a>
      ))}
      <a href="/archive" className="text-sm">Clear all</a>
    </div>
  );
}
