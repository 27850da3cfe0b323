import Link from "next/link";
import type { ReactNode } from "react";
import type { Facet, SearchResult } from "@/lib/search/search-archive";
import { archiveHref, type ArchiveState } from "@/lib/search/archive-query";
import { SEVERITY_LABELS } from "@/lib/wires/labels";
import { ArchiveForm } from "./archive-form";

const LABELS = new Intl.Collator("en");

const TOP_PROVIDERS = 12;
const number = new Intl.NumberFormat("en-GB");

type Props = { formId: string; stateKey: string; state: ArchiveState; facets: SearchResult["facets"]; families: { letter: string; name: string }[] };

/** The filter panel: one GET form of checkboxes, a severity select and dates; every count reflects the other filters. */
export function ArchiveFilters({ formId, stateKey, state, facets, families }: Props) {
  return (
    <ArchiveForm id={formId} stateKey={stateKey} className="space-y-6 font-sans text-sm">
      <div className="flex items-baseline justify-between gap-4">
        <h2 className="text-base font-semibold">Filters</h2>
        <a href="#results" className="md:sr-only md:focus:not-sr-only">Skip to results</a>
      </div>
      <ProviderFilter facets={facets.provider} />
      <CodeFilter facets={facets.code} families={families} selected={state.code ?? []} />
      <SeverityFilter facets={facets.severity} current={state.severity} />
      <CheckboxFilter legend="Sourcing standard" name="standard" facets={facets.standard} />
      <CheckboxFilter legend="Status" name="status" facets={facets.status} />
      <DateFilter state={state} years={facets.year} />
      <button type="submit" className="rounded-sm bg-accent px-4 py-1.5 font-semibold text-paper">
        Apply filters
      </button>
    </ArchiveForm>
  );
}

const legendClass = "mb-2 font-semibold";

function Count({ count }: { count: number }) {
  return <span className="text-muted">({number.format(count)})</span>;
}

function FacetCheckbox({ name, facet, checked = facet.selected, disabled, note, children }: { name: string; facet: Facet; checked?: boolean; disabled?: boolean; note?: string; children?: ReactNode }) {
  const id = `${name}-${facet.value}`;
  return (
    <li className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} value={facet.value} defaultChecked={checked} disabled={disabled} className="mt-0.5 size-4 shrink-0 accent-accent" />
      <label htmlFor={id} className={facet.count === 0 && !checked ? "text-muted" : undefined}>
        {children ?? facet.label} <Count count={facet.count} />
        {note && <span className="sr-only"> ({note})</span>}
      </label>
    </li>
  );
}

function ProviderFilter({ facets }: { facets: Facet[] }) {
  const byCount = [...facets].sort((a, b) => b.count - a.count || LABELS.compare(a.label, b.label));
  const shown = byCount.filter((facet, index) => index < TOP_PROVIDERS || facet.selected);
  const more = byCount.filter((facet) => !shown.includes(facet));
  return (
    <fieldset>
      <legend className={legendClass}>Provider</legend>
      {shown.length === 0 && <p className="text-muted">No provider has wires that match the other filters.</p>}
      <ul className="space-y-1">
        {shown.map((facet) => (
          <FacetCheckbox key={facet.value} name="provider" facet={facet} />
        ))}
      </ul>
      {more.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-accent">More providers ({more.length})</summary>
          <ul className="mt-2 space-y-1">
            {more.map((facet) => (
              <FacetCheckbox key={facet.value} name="provider" facet={facet} />
            ))}
          </ul>
        </details>
      )}
    </fieldset>
  );
}

/** Codes by family; "All M codes" is code=M, and then the family's codes show as included. */
function CodeFilter({ facets, families, selected }: { facets: Facet[]; families: { letter: string; name: string }[]; selected: string[] }) {
  return (
    <fieldset>
      <legend className={legendClass}>Code</legend>
      <div className="space-y-3">
        {families.map((family) => {
          const codes = facets.filter((facet) => facet.value.startsWith(family.letter));
          if (codes.length === 0) return null;
          const whole = selected.includes(family.letter);
          const id = `code-${family.letter}`;
          return (
            <fieldset key={family.letter}>
              <legend className="text-xs font-semibold tracking-wide text-muted uppercase">
                {family.letter} · {family.name}
              </legend>
              <div className="mt-1 flex items-start gap-2">
                <input id={id} type="checkbox" name="code" value={family.letter} defaultChecked={whole} className="mt-0.5 size-4 shrink-0 accent-accent" />
                <label htmlFor={id}>All {family.letter} codes</label>
              </div>
              <ul className="mt-1 space-y-1 pl-4">
                {codes.map((facet) => (
                  <FacetCheckbox key={facet.value} name="code" facet={facet} checked={whole || selected.includes(facet.value)} disabled={whole} note={whole ? `included in all ${family.letter} codes` : undefined}>
                    <span className="font-mono">{facet.value}</span> {facet.label}
                  </FacetCheckbox>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}

/** One select for a level or a range: two selects would send severity twice, which a GET form cannot merge. */
function SeverityFilter({ facets, current }: { facets: Facet[]; current?: { min: number; max: number } }) {
  const count = (min: number, max: number) => facets.filter((facet) => Number(facet.value) >= min && Number(facet.value) <= max).reduce((sum, facet) => sum + facet.count, 0);
  const ranges: { min: number; max: number }[] = [];
  for (let min = 1; min <= 5; min += 1) for (let max = min + 1; max <= 5; max += 1) ranges.push({ min, max });
  const value = current ? (current.min === current.max ? `${current.min}` : `${current.min}-${current.max}`) : "";
  return (
    <fieldset>
      <legend className={legendClass}>Severity</legend>
      <label htmlFor="severity" className="mb-1 block text-xs text-muted">
        A level or a range (SEV-1 is gravest)
      </label>
      <select id="severity" name="severity" defaultValue={value} data-value={value} className="w-full rounded-sm border border-muted bg-paper px-2 py-1.5 text-ink">
        <option value="">Any severity</option>
        <optgroup label="One level">
          {[1, 2, 3, 4, 5].map((level) => (
            <option key={level} value={`${level}`}>
              SEV-{level} {SEVERITY_LABELS[level]} ({number.format(count(level, level))})
            </option>
          ))}
        </optgroup>
        <optgroup label="A range">
          {ranges.map(({ min, max }) => (
            <option key={`${min}-${max}`} value={`${min}-${max}`}>
              SEV-{min} to SEV-{max} ({number.format(count(min, max))})
            </option>
          ))}
        </optgroup>
      </select>
    </fieldset>
  );
}

function CheckboxFilter({ legend, name, facets }: { legend: string; name: string; facets: Facet[] }) {
  return (
    <fieldset>
      <legend className={legendClass}>{legend}</legend>
      <ul className="space-y-1">
        {facets.map((facet) => (
          <FacetCheckbox key={facet.value} name={name} facet={facet} />
        ))}
      </ul>
    </fieldset>
  );
}

function DateFilter({ state, years }: { state: ArchiveState; years: Facet[] }) {
  // min and max let the browser refuse a range that ends before it starts, instead of the page's error.
  const inputClass = "w-full rounded-sm border border-muted bg-paper px-2 py-1 text-ink";
  return (
    <fieldset>
      <legend className={legendClass}>Date of the event</legend>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="from" className="block text-xs text-muted">From</label>
          <input id="from" name="from" type="date" defaultValue={state.from ?? ""} max={state.to} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="block text-xs text-muted">To</label>
          <input id="to" name="to" type="date" defaultValue={state.to ?? ""} min={state.from} className={inputClass} />
        </div>
      </div>
      {years.length > 0 && (
        <ul aria-label="Years" className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
          {years.map((year) => (
            <li key={year.value}>
              <Link
                prefetch={false}
                scroll={false}
                href={archiveHref(year.selected ? { ...state, from: undefined, to: undefined } : { ...state, from: `${year.value}-01-01`, to: `${year.value}-12-31` })}
                aria-current={year.selected ? "true" : undefined}
                className={year.selected ? "font-bold" : year.count === 0 ? "text-muted" : undefined}
              >
                {year.label}
              </Link>{" "}
              <Count count={year.count} />
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
