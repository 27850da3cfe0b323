import { SEARCH_TERMS } from "./search-terms";
import type { SqlSession } from "./sql-session";

/** Every code of the taxonomy, most used first: the SEARCH_TERMS code, then by family and number. */
export async function loadRankedCodes(session: SqlSession): Promise<string[]> {
  const rows = await session.query<{ code: string }>(`SELECT code FROM code ORDER BY family_letter, number`);
  const codes = rows.map((row) => row.code);
  const top = codes.indexOf(SEARCH_TERMS.code.code);
  if (top > 0) codes.unshift(...codes.splice(top, 1));
  return codes;
}
