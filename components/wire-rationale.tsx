import { formatLongDate } from "@/lib/format/format-date";
import { EDITORS_GUIDE } from "@/lib/wires/labels";
import type { WireDetail } from "@/lib/wires/get-wire";
import { Markdown } from "./markdown";

type Props = { wireId: string; rationale: NonNullable<WireDetail["rationale"]> };

/** "Why this is an AI incident": the rationale, its basis, the test applied, its version and a link to every version. */
export function WireRationale({ wireId, rationale }: Props) {
  // The label says where the text came from: a classification run, "Amended by an editor", or
  // "Restored by an editor from version 2".
  const basis = `${rationale.basisLabel} (${formatLongDate(rationale.basisDate)})`;
  return (
    <section aria-labelledby="rationale" className="mt-10 rounded-sm border border-rule p-5">
      <h2 id="rationale" className="font-sans text-lg font-semibold">Why this is an AI incident</h2>
      <Markdown text={rationale.text} className="prose mt-3" />
      <dl className="mt-4 grid gap-x-4 gap-y-1 font-sans text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Basis</dt>
        <dd>{basis}</dd>
        <dt className="font-semibold">Test applied</dt>
        <dd>
          {rationale.test} (<a href={`${EDITORS_GUIDE}#the-counterfactual-but-for-test`}>how it works</a>)
        </dd>
        <dt className="font-semibold">Version</dt>
        <dd>{rationale.version}</dd>
      </dl>
      <p className="mt-3 font-sans text-xs text-muted">
        Editors may amend this rationale for this wire; every version is kept:{" "}
        {/* Versions run 1..N without gaps, so the current version is the count. */}
        <a href={`/wires/${wireId}/history`}>History ({rationale.version} {rationale.version === 1 ? "version" : "versions"})</a>
      </p>
    </section>
  );
}
