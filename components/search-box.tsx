/**
 * The search field. It sits outside the filter panel's <form> on the page but belongs to it through
 * the `form` attribute, so a search keeps the filters and a filter keeps the search.
 */
export function SearchBox({ form, q }: { form: string; q?: string }) {
  return (
    <div role="search" aria-label="Archive" className="font-sans">
      <label htmlFor="q" className="block text-sm font-semibold">
        Search the archive
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="q"
          name="q"
          type="search"
          form={form}
          defaultValue={q ?? ""}
          maxLength={200}
          autoComplete="off"
          aria-describedby="q-hint"
          className="min-w-0 flex-1 rounded-sm border border-muted bg-paper px-2 py-1.5 text-base text-ink"
        />
        <button type="submit" form={form} className="rounded-sm bg-accent px-4 py-1.5 text-sm font-semibold text-paper">
          Search
        </button>
      </div>
      <p id="q-hint" className="mt-1 text-xs text-muted">
        Search like the web: <span className="whitespace-nowrap font-mono">"public beta"</span> for a phrase,{" "}
        <span className="whitespace-nowrap font-mono">outpainting or inpainting</span> for either,{" "}
        <span className="whitespace-nowrap font-mono">-api</span> to leave a word out.
      </p>
    </div>
  );
}
