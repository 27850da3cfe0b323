import { ARCHIVE_CHANGED_CHANNEL } from "@/lib/http/archive-revision";
import { arrayLiteral } from "./array-literal";
import { binaryArray, binaryTextArray, TSVECTOR_OID } from "./binary-array";
import type { SyntheticWire } from "./build-wire";
import { tsvectorLiteral } from "./search-vector-builder";

export type Statement = { sql: string; params: unknown[] };

export const RATIONALE_LABEL = "Synthetic generation";
export const RATIONALE_TEST = `Counterfactual "but-for" test per the Editor's Guide`;

// One statement writes a whole batch: the server runs it without waiting on the client between
// tables, and a statement is atomic, so an interrupted run leaves whole wires only. Foreign keys
// are checked at the end of the statement, when every table of the batch has its rows.
//
// The statement does itself what the wire table's triggers do (a vector where none was built, the
// search sequence, the headline words), and sends the archive's change notification, so that it
// writes the same rows on a session that has triggers switched off (see sql-session.ts). With the
// triggers on, the trigger takes a second sequence number (a gap, no harm), and PostgreSQL sends
// the notification raised twice in one transaction once.
const SQL = `
WITH w AS (
  INSERT INTO wire (id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, status, status_note,
    search_vector, search_seq, text_seq)
  SELECT id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, status, status_note,
    coalesce(vector, wire_search_vector(headline, summary, body)), seq, seq
  FROM (
    SELECT *, nextval('wire_search_seq_seq') AS seq
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::timestamptz[],
      $9::smallint[], $10::text[]::"SourcingStandard"[], $11::text[]::"WireStatus"[], $12::text[], $32::tsvector[])
      AS x(id, slug, headline, summary, body, occurred_on, published_at, updated_at, severity, sourcing_standard, status, status_note, vector)
  ) AS numbered
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
), v AS (
  INSERT INTO rationale_revision (wire_id, version, text, basis, basis_label, basis_date, test, reason, author, created_at)
  SELECT wire_id, version, text, basis, basis_label, basis_date, test, $31::text, basis_label, updated_at FROM r
), hw AS (
  INSERT INTO headline_word (word)
  SELECT DISTINCT word FROM unnest($34::text[]) AS h(headline), headline_words(h.headline) AS word ORDER BY word
  ON CONFLICT DO NOTHING
)
SELECT pg_notify($33::text, '')`;

/**
 * How the arrays are bound: "binary" (node-postgres sends Buffers in PostgreSQL's binary form, which the
 * server reads fastest) or "text" (array literals, for a client that binds strings only, as Prisma does).
 */
export type ArrayEncoding = "binary" | "text";

/**
 * The statement that inserts `wires` with their sources, providers, codes, rationale and its first revision.
 * `searchVectors[i]` is wire i's search vector in the binary form; null (or none) has the statement compute it.
 * `wordHeadlines` are the headlines whose words go into headline_word (by default every headline of the
 * batch; words already there are skipped).
 */
export function batchStatement(
  wires: readonly SyntheticWire[],
  reason: string,
  searchVectors: readonly (Buffer | null)[] = [],
  encoding: ArrayEncoding = "text",
  wordHeadlines: readonly string[] = wires.map((wire) => wire.headline),
): Statement {
  // Each column's array type, as the statement casts its parameter.
  const wire = columns("text text text text text date timestamptz timestamptz smallint text text text");
  const source = columns("text int text text text date text text");
  const provider = columns("text int smallint");
  const code = columns("text text smallint");
  const rationale = columns("text date");
  for (const w of wires) {
    push(wire, w.id, w.slug, w.headline, w.summary, w.body, w.occurredOn, w.publishedAt, w.updatedAt, w.severity, w.sourcingStandard, w.status, w.statusNote);
    w.sources.forEach((s, index) => push(source, w.id, index + 1, s.title, s.publisher, s.url, s.publishedOn, s.kind, s.archivedUrl));
    w.providerIds.forEach((id, index) => push(provider, w.id, id, index + 1));
    w.codes.forEach((value, index) => push(code, w.id, value, index + 1));
    push(rationale, w.rationale.text, w.rationale.basisDate);
  }
  const binary = encoding === "binary";
  // Small columns (dates, numbers) stay literals either way: parameters are bound one by one, each in its own format.
  const arrays = [...wire, ...source, ...provider, ...code, ...rationale].map((column) =>
    binary && column.text ? binaryTextArray(column.values as (string | null)[]) : arrayLiteral(column.values),
  );
  const given = wires.map((_, index) => searchVectors[index] ?? null);
  const vectors = binary ? binaryArray(TSVECTOR_OID, given) : arrayLiteral(given.map((vector) => (vector === null ? null : tsvectorLiteral(vector))));
  return {
    sql: SQL,
    params: [...arrays, RATIONALE_LABEL, RATIONALE_TEST, reason, vectors, ARCHIVE_CHANGED_CHANNEL, arrayLiteral([...wordHeadlines])],
  };
}

type Column = { text: boolean; values: unknown[] };

function columns(types: string): Column[] {
  return types.split(" ").map((type) => ({ text: type === "text", values: [] }));
}

function push(table: Column[], ...values: unknown[]): void {
  for (let i = 0; i < values.length; i += 1) table[i]!.values.push(values[i]);
}
