import { formatDate } from "@/lib/format/format-date";
import type { VersionChoice } from "@/lib/rationale/list-rationale-versions";

type Props = {
  action: string;
  versions: VersionChoice[];
  /** What the selects show: the reader's last choice, or a sensible default. */
  from: string;
  to: string;
  errors: { from?: string; to?: string; form?: string };
};

const KIND_WORDS = { IMPORT: "imported", AMENDMENT: "amended", RESTORE: "restored" } as const;

/** "Compare any two versions": a plain GET form, so every comparison is a shareable address. */
export function RationaleCompareForm({ action, versions, from, to, errors }: Props) {
  const option = (choice: VersionChoice) => (
    <option key={choice.version} value={choice.version}>
      Version {choice.version} ({KIND_WORDS[choice.kind]}, {formatDate(choice.createdAt)})
    </option>
  );
  const describedBy = (field: "from" | "to") => [errors[field] ? `compare-${field}-error` : "", errors.form ? "compare-form-error" : ""].filter(Boolean).join(" ") || undefined;
  const selectClass = "mt-1 block rounded-sm border border-muted bg-paper px-2 py-1.5 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400";
  return (
    <form method="get" action={`${action}#compare`} className="mt-3 font-sans text-sm">
      {errors.form && (
        <p id="compare-form-error" role="alert" className="mb-3 rounded-sm border-2 border-red-700 p-2 font-semibold dark:border-red-400">
          {errors.form}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="compare-from" className="block font-semibold">From</label>
          <select id="compare-from" name="from" defaultValue={from} aria-invalid={Boolean(errors.from || errors.form)} aria-describedby={describedBy("from")} className={selectClass}>
            {!versions.some((choice) => String(choice.version) === from) && <option value="">Choose a version</option>}
            {versions.map(option)}
          </select>
        </div>
        <div>
          <label htmlFor="compare-to" className="block font-semibold">To</label>
          <select id="compare-to" name="to" defaultValue={to} aria-invalid={Boolean(errors.to || errors.form)} aria-describedby={describedBy("to")} className={selectClass}>
            {!versions.some((choice) => String(choice.version) === to) && <option value="">Choose a version</option>}
            {versions.map(option)}
          </select>
        </div>
        <button type="submit" className="rounded-sm border border-ink px-3 py-1.5 font-semibold">Compare</button>
      </div>
      {errors.from && <p id="compare-from-error" role="alert" className="mt-2 font-semibold text-red-800 dark:text-red-300">{errors.from}</p>}
      {errors.to && <p id="compare-to-error" role="alert" className="mt-2 font-semibold text-red-800 dark:text-red-300">{errors.to}</p>}
    </form>
  );
}
