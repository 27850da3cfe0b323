import "server-only";
import { getPrisma } from "@/lib/db/get-db";

/**
 * "Did you mean": replaces each word of the search that no wire holds (its lexeme has no postings) with
 * the closest headline word by trigram similarity (pg_trgm's GIN index on headlines). Undefined when
 * nothing is near.
 */
export async function suggestSpelling(q: string): Promise<string | undefined> {
  const prisma = await getPrisma();
  const words = q.match(/[\p{L}\p{N}]{3,}/gu)?.slice(0, 6) ?? [];
  let changed = false;
  let suggestion = q;
  for (const word of words) {
    const lower = word.toLowerCase();
    // A word the archive knows (its lexeme has postings) is spelt as some wire spells it: leave it be.
    const [known] = await prisma.$queryRaw<{ known: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM search_posting WHERE lexeme = ANY(tsvector_to_array(to_tsvector('english', ${lower})))) AS known`;
    if (known?.known) continue;
    const [best] = await prisma.$queryRaw<{ word: string; score: number }[]>`
      WITH candidates AS (
        SELECT headline FROM wire WHERE ${lower} <% headline LIMIT 200
      )
      SELECT w AS word, similarity(w, ${lower})::float8 AS score
      FROM candidates, regexp_split_to_table(lower(headline), '[^[:alnum:]]+') AS w
      WHERE length(w) >= 3
      GROUP BY w ORDER BY score DESC, count(*) DESC, w LIMIT 1`;
    if (!best || best.word === lower || best.score < 0.4) continue;
    suggestion = suggestion.replace(word, best.word);
    changed = true;
  }
  return changed ? suggestion : undefined;
}
