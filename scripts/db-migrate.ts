// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from "@/lib/db/open-database";
import { env } from "@/lib/env";

const config = env();
const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ARCHIVE_DATA_DIR });
let code = 0;
try {
  const report = await db.migrate();
  console.log(
    report.applied.length > 0
      ? `${db.label}: applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`
      : `${db.label}: up to date (${report.alreadyApplied} migration(s) applied earlier)`,
  );
  for (const name of report.edited) console.warn(`warning: ${name} was edited after it was applied`);
} catch (error) {
  code = 1;
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await db.close();
}
process.exit(code);
