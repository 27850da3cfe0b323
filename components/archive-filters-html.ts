import type { Facet, SearchResult } from "@/lib/search/search-archive";
import { archiveHref, type ArchiveState } from "@/lib/search/archive-query";
import { SEVERITY_LABELS } from "@/lib/wires/labels";
import { escapeHtml as e } from "@/lib/format/escape-html";

/**
 * The archive's filter panel as HTML: checkboxes per provider and code with their counts, a severity
 * select, dates and years. Written as a string rather than as React elements, because the panel has
 * over a thousand elements that change with every search: as elements, every search renders them
 * twice (the React Server Components payload, then the HTML) and their description travels in the
 * page a second time, half of the archive page's cost. Every value from the archive is escaped.
 * The form around it (components/archive-form.tsx) works on the elements it finds; links marked
 * `data-soft` navigate without a reload when scripts run.
 */
export function archiveFiltersHtml(state: ArchiveState, facets: SearchResult["facets"], families: { letter: string; name: string }[]): string {
  return [
    `<div class="flex items-baseline justify-between gap-4"><h2 class="text-base font-semibold">Filters</h2><a href="#results" class="md:sr-only md:focus:not-sr-only">Skip to results</a></div>`,
    providerFilter(facets.provider),
    codeFilter(facets.code, families, state.code ?? []),
    severityFilter(facets.severity, state.severity),
    checkboxFilter("Sourcing standard", "standard", facets.standard),
    checkboxFilter("Status", "status", facets.status),
    dateFilter(state, facets.year),
    `<button type="submit" class="rounded-sm bg-accent px-4 py-1.5 font-semibold text-paper">Apply filters</button>`,
  ].join("");
}

const TOP_PROVIDERS = 12;
const LABELS = new Intl.Collator("en");
const number = new Intl.NumberFormat("en-GB");
const LEGEND = "mb-2 font-semibold";

const count = (n: number) => `<span class="text-muted">(${number.format(n)})</span>`;

function checkbox(name: string, facet: Facet, options: { checked?: boolean; disabled?: boolean; note?: string; label?: string } = {}): string {
  const id = `${name}-${facet.value}`;
  const checked = options.checked ?? facet.selected;
  const labelClass = facet.count === 0 && !checked ? ` class="text-muted"` : "";
  return (
    `<li class="flex items-start gap-2"><input id="${e(id)}" type="checkbox" name="${e(name)}" value="${e(facet.value)}"${checked ? " checked" : ""}${options.disabled ? " disabled" : ""} class="mt-0.5 size-4 shrink-0 accent-accent">` +
    `<label for="${e(id)}"${labelClass}>${options.label ?? e(facet.label)} ${count(facet.count)}${options.note ? `<span class="sr-only"> (${e(options.note)})</span>` : ""}</label></li>`
  );
}

function providerFilter(facets: Facet[]): string {
  const byCount = [...facets].sort((a, b) => b.count - a.count || LABELS.compare(a.label, b.label));
  const shown = byCount.filter((facet, index) => index < TOP_PROVIDERS || facet.selected);
  const more = byCount.filter((facet) => !shown.includes(facet));
  const empty = shown.length === 0 ? `<p class="text-muted">No provider has wires that match the other filters.</p>` : "";
  const rest =
    more.length > 0
      ? `<details class="mt-2"><summary class="cursor-pointer text-accent">More providers (${more.length})</summary><ul class="mt-2 space-y-1">${more.map((facet) => checkbox("provider", facet)).join("")}</ul></details>`
      : "";
  return `<fieldset><legend class="${LEGEND}">Provider</legend>${empty}<ul class="space-y-1">${shown.map((facet) => checkbox("provider", facet)).join("")}</ul>${rest}</fieldset>`;
}

/** Codes by family; "All M codes" is code=M, and then the family's codes show as included. */
function codeFilter(facets: Facet[], families: { letter: string; name: string }[], selected: string[]): string {
  const groups = families.map((family) => {
    const codes = facets.filter((facet) => facet.value.startsWith(family.letter));
    if (codes.length === 0) return "";
    const whole = selected.includes(family.letter);
    const id = `code-${family.letter}`;
    const items = codes
      .map((facet) =>
        checkbox("code", facet, {
          checked: whole || selected.includes(facet.value),
          disabled: whole,
          note: whole ? `included in all ${family.letter} codes` : undefined,
          label: `<span class="font-mono">${e(facet.value)}</span> ${e(facet.label)}`,
        }),
      )
      .join("");
    return (
      `<fieldset><legend class="text-xs font-semibold tracking-wide text-muted uppercase">${e(family.letter)} · ${e(family.name)}</legend>` +
      `<div class="mt-1 flex items-start gap-2"><input id="${e(id)}" type="checkbox" name="code" value="${e(family.letter)}"${whole ? " checked" : ""} class="mt-0.5 size-4 shrink-0 accent-accent"><label for="${e(id)}">All ${e(family.letter)} codes</label></div>` +
      `<ul class="mt-1 space-y-1 pl-4">${items}</ul></fieldset>`
    );
  });
  return `<fieldset><legend class="${LEGEND}">Code</legend><div class="space-y-3">${groups.join("")}</div></fieldset>`;
}

/** One select for a level or a range: two selects would send severity twice, which a GET form cannot merge. */
function severityFilter(facets: Facet[], current?: { min: number; max: number }): string {
  const total = (min: number, max: number) => facets.filter((facet) => Number(facet.value) >= min && Number(facet.value) <= max).reduce((sum, facet) => sum + facet.count, 0);
  const value = current ? (current.min === current.max ? `${current.min}` : `${current.min}-${current.max}`) : "";
  const option = (optionValue: string, label: string) => `<option value="${optionValue}"${optionValue === value ? " selected" : ""}>${label}</option>`;
  const levels = [1, 2, 3, 4, 5].map((level) => option(`${level}`, `SEV-${level} ${e(SEVERITY_LABELS[level] ?? "")} (${number.format(total(level, level))})`));
  const ranges: string[] = [];
  for (let min = 1; min <= 5; min += 1) for (let max = min + 1; max <= 5; max += 1) ranges.push(option(`${min}-${max}`, `SEV-${min} to SEV-${max} (${number.format(total(min, max))})`));
  return (
    `<fieldset><legend class="${LEGEND}">Severity</legend><label for="severity" class="mb-1 block text-xs text-muted">A level or a range (SEV-1 is gravest)</label>` +
    `<select id="severity" name="severity" data-value="${e(value)}" class="w-full rounded-sm border border-muted bg-paper px-2 py-1.5 text-ink">${option("", "Any severity")}` +
    `<optgroup label="One level">${levels.join("")}</optgroup><optgroup label="A range">${ranges.join("")}</optgroup></select></fieldset>`
  );
}

function checkboxFilter(legend: string, name: string, facets: Facet[]): string {
  return `<fieldset><legend class="${LEGEND}">${e(legend)}</legend><ul class="space-y-1">${facets.map((facet) => checkbox(name, facet)).join("")}</ul></fieldset>`;
}

function dateFilter(state: ArchiveState, years: Facet[]): string {
  // min and max let the browser refuse a range that ends before it starts, instead of the page's error.
  const input = "w-full rounded-sm border border-muted bg-paper px-2 py-1 text-ink";
  const yearLinks =
    years.length > 0
      ? `<ul aria-label="Years" class="mt-2 flex flex-wrap gap-x-3 gap-y-1">${years
          .map((year) => {
            const href = archiveHref(year.selected ? { ...state, from: undefined, to: undefined } : { ...state, from: `${year.value}-01-01`, to: `${year.value}-12-31` });
            const linkClass = year.selected ? ` class="font-bold"` : year.count === 0 ? ` class="text-muted"` : "";
            return `<li><a href="${e(href)}" data-soft${year.selected ? ` aria-current="true"` : ""}${linkClass}>${e(year.label)}</a> ${count(year.count)}</li>`;
          })
          .join("")}</ul>`
      : "";
  return (
    `<fieldset><legend class="${LEGEND}">Date of the event</legend><div class="grid grid-cols-2 gap-2">` +
    `<div><label for="from" class="block text-xs text-muted">From</label><input id="from" name="from" type="date" value="${e(state.from ?? "")}"${state.to ? ` max="${e(state.to)}"` : ""} class="${input}"></div>` +
    `<div><label for="to" class="block text-xs text-muted">To</label><input id="to" name="to" type="date" value="${e(state.to ?? "")}"${state.from ? ` min="${e(state.from)}"` : ""} class="${input}"></div>` +
    `</div>${yearLinks}</fieldset>`
  );
}
