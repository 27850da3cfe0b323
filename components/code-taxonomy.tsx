import type { CodeFamilyWithCodes } from "@/lib/codes/list-code-families";

/** The full code taxonomy, generated from the archive's own code table. */
export function CodeTaxonomy({ families }: { families: CodeFamilyWithCodes[] }) {
  return (
    <section aria-labelledby="taxonomy-list" className="mt-10">
      <h2 id="taxonomy-list" className="font-sans text-xl font-semibold">The codes</h2>
      {families.map((family) => (
        <div key={family.letter} className="mt-6">
          <h3 className="font-sans text-lg font-semibold">
            <span className="font-mono">{family.letter}</span> · {family.name}
          </h3>
          <p className="mt-1 text-muted">{family.description}</p>
          <dl className="mt-3 space-y-3">
            {family.codes.map((code) => (
              <div key={code.code} id={`code-${code.code}`}>
                <dt className="font-sans font-semibold">
                  <a href={`/codes/${code.code}`} className="font-mono">{code.code}</a> {code.label}{" "}
                  <span className="text-sm font-normal text-muted">({code.wireCount} {code.wireCount === 1 ? "wire" : "wires"})</span>
                </dt>
                <dd className="mt-0.5">{code.definition}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}
