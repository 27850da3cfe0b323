import "server-only";
import { getDb } from "@/lib/db/get-db";
import { cachedLexemes, decodePostingRow, POSTING_COLUMNS, type EncodedPostingRow, type PrefetchedPostings } from "./postings/load-postings";
import { parseTsQuery, type TsNode } from "./tsquery";

export type TextReading = { tree: TsNode | null; postings: PrefetchedPostings };

/**
 * A lexeme as tsquery text prints it ('it''s', a quote doubled, a backslash too), with an optional
 * weight or prefix mark; the phrase operators before (`<-> 'x'`, `<2> 'x'`) and after (`'x' <->`) mark
 * a lexeme whose positions a phrase check reads. Passed as a parameter: no quoting of the pattern.
 */
const LEXEME = String.raw`(> )?'((?:[^']|'')*)'(?::[*A-D]+)?( <)?`;

/**
 * PostgreSQL's reading of the query and the postings of its lexemes, in one round trip. Lexemes the
 * postings cache holds (with positions, where a phrase needs them) are left out. Rows for lexemes
 * without postings, or a query of stop words only, still bring the query back. The built blocks as
 * this statement saw them come along: the rows serve only a search whose index refresh saw the same.
 */
const SQL = String.raw`
WITH q AS (SELECT websearch_to_tsquery('english', $1)::text AS query),
words AS (
  SELECT replace(replace(m[2], '''''', ''''), E'\\\\', E'\\') AS lexeme, bool_or(m[1] IS NOT NULL OR m[3] IS NOT NULL) AS phrase
  FROM q, regexp_matches(q.query, $2, 'g') AS m
  GROUP BY 1
),
wanted AS (
  SELECT lexeme, phrase FROM words WHERE NOT (lexeme = ANY($3::text[]) AND (NOT phrase OR lexeme = ANY($4::text[])))
)
SELECT q.query, (SELECT coalesce(string_agg(block::text || ':' || token::text, ',' ORDER BY block), '') FROM search_block) AS blocks, w.lexeme AS wanted, w.phrase, p.lexeme, p.block, ${POSTING_COLUMNS("p", "w.phrase")}
FROM q LEFT JOIN (wanted w LEFT JOIN search_posting p ON p.lexeme = w.lexeme) ON true`;

type Row = Omit<EncodedPostingRow, "lexeme" | "block" | "ords"> & { query: string; blocks: string; wanted: string | null; phrase: boolean | null; lexeme: string | null; block: number | null; ords: string | null };

/**
 * Reads normalized search text `q`: its tsquery as a tree (null when nothing in it can be searched)
 * and, read with it, what the postings cache lacks of its lexemes, for loadPostings to take.
 */
export async function readSearchText(q: string): Promise<TextReading> {
  const db = await getDb();
  const cached = cachedLexemes();
  const postings: PrefetchedPostings = { blocksKey: "", lexemes: new Set(), positioned: new Set(), rows: [] };
  let rows: Row[];
  try {
    rows = await db.read<Row>(SQL, [q, LEXEME, cached.any, cached.positioned]);
  } catch (error) {
    // Text PostgreSQL cannot parse at all (a long run of "-" overflows its tsquery stack) searches nothing.
    if (error instanceof Error && /tsquery/i.test(error.message)) return { tree: null, postings };
    throw error;
  }
  postings.blocksKey = rows[0]?.blocks ?? "";
  for (const row of rows) {
    if (row.wanted === null) continue;
    postings.lexemes.add(row.wanted);
    if (row.phrase) postings.positioned.add(row.wanted);
    if (row.lexeme !== null && row.block !== null && row.ords !== null) {
      postings.rows.push(decodePostingRow({ ...row, lexeme: row.lexeme, block: row.block, ords: row.ords }));
    }
  }
  return { tree: parseTsQuery(rows[0]?.query ?? ""), postings };
}
