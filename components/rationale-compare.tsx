import type { CompareRequest } from "@/lib/rationale/parse-history-query";
import { diffWords } from "@/lib/rationale/diff-words";
import type { VersionText } from "@/lib/rationale/get-rationale-versions";
import type { VersionChoice } from "@/lib/rationale/list-rationale-versions";
import { RationaleCompareForm } from "./rationale-compare-form";
import { RationaleTestChange } from "./rationale-test-change";
import { WordDiff } from "./word-diff";

type Props = {
  action: string;
  /** Newest first. */
  versions: VersionChoice[];
  compare: CompareRequest;
  /** The two texts, when the comparison asked for is valid. */
  pair: { from: VersionText; to: VersionText } | null;
};

/** "Compare any two versions": the form, and the word diff of the pair it names. */
export function RationaleCompare({ action, versions, compare, pair }: Props) {
  const newest = versions[0]?.version ?? 1;
  const previous = versions[1]?.version ?? newest;
  const from = compare.status === "none" ? String(previous) : String(compare.from);
  const to = compare.status === "none" ? String(newest) : String(compare.to);
  const label = pair ? `Changes from version ${pair.from.version} to version ${pair.to.version}` : "";
  return (
    <section id="compare" aria-labelledby="compare-heading" className="mt-10 scroll-mt-4">
      <h2 id="compare-heading" className="font-sans text-xl font-semibold">Compare two versions</h2>
      <RationaleCompareForm action={action} versions={versions} from={from} to={to} errors={compare.status === "invalid" ? compare.errors : {}} />
      {pair && (
        <div className="mt-4">
          <h3 className="font-sans text-base font-semibold">{label}</h3>
          {pair.from.text === pair.to.text ? (
            <p className="mt-1 font-sans text-sm text-muted">The two versions have the same text.</p>
          ) : (
            <div className="mt-2 rounded-sm border border-rule p-3">
              <WordDiff segments={diffWords(pair.from.text, pair.to.text)} label={label} />
            </div>
          )}
          <RationaleTestChange before={pair.from.test} after={pair.to.test} />
        </div>
      )}
    </section>
  );
}
