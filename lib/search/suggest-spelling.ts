import "server-only";
import { getPrisma } from "@/lib/db/get-db";

/** How alike (pg_trgm's similarity, 0 to 1) a word must be to be offered. */
const MIN_SIMILARITY = 0.4;

/**
 * "Did you mean": replaces each word of the search that no wire holds (its lexeme has no postings) with
 * the closest word that headlines hold, by trigram similarity (pg_trgm's index on headline_word).
 * Undefined when nothing is near.
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
    // `%` takes what the trigram index finds at pg_trgm's threshold (0.3); a suggestion needs 0.4. A
    // stop word ("the") is never offered: searched for, it finds nothing.
    const [best] = await prisma.$queryRaw<{ word: string; score: number }[]>`
      SELECT h.word, similarity(h.word, ${lower})::float8 AS score
      FROM headline_word h
      WHERE h.word % ${lower} AND similarity(h.word, ${lower}) >= ${MIN_SIMILARITY} AND to_tsvector('english', h.word) <> ''::tsvector
      ORDER BY score DESC, h.word LIMIT 1`;
    if (!best || best.word === lower) continue;
    suggestion = suggestion.replace(word, best.word);
    changed = true;
  }
  return changed ? suggestion : undefined;
}
