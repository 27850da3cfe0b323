import type { SqlSession } from "./sql-session";

/**
 * What the foreign keys' per-row checks would have found, for a run that wrote without them: provider
 * and code tags whose provider or code is not in the archive (one removed while the run was writing;
 * the run read them all at its start). Every other reference a batch makes is to a wire of the same
 * statement. One pass over each tag table: about 0.4 s at a million wires.
 */
export async function checkTagReferences(session: SqlSession): Promise<void> {
  const [row] = await session.query<{ providers: number; codes: number }>(
    `SELECT (SELECT count(*)::int FROM wire_provider t WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.id = t.provider_id)) AS providers,
            (SELECT count(*)::int FROM wire_code t WHERE NOT EXISTS (SELECT 1 FROM code c WHERE c.code = t.code)) AS codes`,
  );
  const providers = Number(row?.providers ?? 0);
  const codes = Number(row?.codes ?? 0);
  if (providers > 0 || codes > 0) {
    throw new Error(
      `${providers} provider tag(s) and ${codes} code tag(s) name a provider or code that is not in the archive: ` +
        `was one removed while wires were being generated? Remove the tags or restore what they name.`,
    );
  }
}
