import { arrayLiteral } from "./array-literal";
import type { SyntheticWire } from "./build-wire";

export type Statement = { sql: string; params: unknown[] };

export const RATIONALE_LABEL = "Synthetic generation";
export const RATIONALE_TEST = `Counterfactual "but-for" test per the Editor's Guide`;

// One statement writes a whole batch: the server runs it without waiting on the client between
// tables, and a statement is atomic, so an interrupted run leaves whole wires only. Foreign keys
// are checked at the end of the statement, when every table of the batch has its rows.
const SQL = `
WITH w AS (
  INSERT INTO wire (id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, status, status_note, search_vector)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::timestamptz[],
    $9::smallint[], $10::text[]::"SourcingStandard"[], $11::text[]::"WireStatus"[], $12::text[], $32::text[]::tsvector[])
), s AS (
  INSERT INTO source (wire_id, position, title, publisher, url, published_on, kind, archived_url)
  SELECT * FROM unnest($13::text[], $14::int[], $15::text[], $16::text[], $17::text[], $18::date[], $19::text[]::"SourceKind"[], $20::text[])
), p AS (
  INSERT INTO wire_provider (wire_id, provider_id, position) SELECT * FROM unnest($21::text[], $22::int[], $23::smallint[])
), c AS (
  INSERT INTO wire_code (wire_id, code, position) SELECT * FROM unnest($24::text[], $25::text[], $26::smallint[])
), r AS (
  INSERT INTO rationale (wire_id, text, basis, basis_label, basis_date, test, version, updated_at)
  SELECT wire_id, text, 'CLASSIFICATION_RUN', $29::text, basis_date, $30::text, 1, updated_at
  FROM unnest($1::text[], $27::text[], $28::date[], $7::timestamptz[]) AS x(wire_id, text, basis_date, updated_at)
  RETURNING wire_id, text, basis, basis_label, basis_date, test, version, updated_at
)
INSERT INTO rationale_revision (wire_id, version, text, basis, basis_label, basis_date, test, reason, author, created_at)
SELECT wire_id, version, text, basis, basis_label, basis_date, test, $31::text, basis_label, updated_at FROM r`;

/**
 * The statement that inserts `wires` with their sources, providers, codes, rationale and its first revision.
 * `searchVectors[i]` is wire i's search vector as a tsvector literal; null (or none) lets the trigger compute it.
 */
export function batchStatement(wires: readonly SyntheticWire[], reason: string, searchVectors: readonly (string | null)[] = []): Statement {
  const wire = columns(12);
  const source = columns(8);
  const provider = columns(3);
  const code = columns(3);
  const rationale = columns(2);
  for (const w of wires) {
    push(wire, w.id, w.slug, w.headline, w.summary, w.body, w.occurredOn, w.publishedAt, w.updatedAt, w.severity, w.sourcingStandard, w.status, w.statusNote);
    w.sources.forEach((s, index) => push(source, w.id, index + 1, s.title, s.publisher, s.url, s.publishedOn, s.kind, s.archivedUrl));
    w.providerIds.forEach((id, index) => push(provider, w.id, id, index + 1));
    w.codes.forEach((value, index) => push(code, w.id, value, index + 1));
    push(rationale, w.rationale.text, w.rationale.basisDate);
  }
  const arrays = [...wire, ...source, ...provider, ...code, ...rationale].map(arrayLiteral);
  const vectors = arrayLiteral(wires.map((_, index) => searchVectors[index] ?? null));
  return { sql: SQL, params: [...arrays, RATIONALE_LABEL, RATIONALE_TEST, reason, vectors] };
}

function columns(count: number): unknown[][] {
  return Array.from({ length: count }, () => []);
}

function push(table: unknown[][], ...values: unknown[]): void {
  for (let i = 0; i < values.length; i += 1) table[i]!.push(values[i]);
}
