// npm run content:import [-- --dir content]: validates content/ and upserts it into the database.
import path from "node:path";
import { parseArgs } from "node:util";
import { ContentError } from "@/lib/content/content-error";
import { importContent } from "@/lib/content/import-content";
import { openDatabase } from "@/lib/db/open-database";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { dir: { type: "string" } } });
const config = env();
const dir = path.resolve(values.dir ?? config.ARCHIVE_CONTENT_DIR);
const started = performance.now();
const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.ARCHIVE_DATA_DIR });
let code = 0;
try {
  const migrations = await db.migrate();
  if (migrations.applied.length > 0) console.log(`applied migrations: ${migrations.applied.join(", ")}`);
  const report = await importContent(db.prisma, dir, (message) => console.log(message));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `imported into ${db.label} in ${seconds} s: ${report.wiresCreated} wires created, ${report.wiresUpdated} updated, ` +
      `${report.providers} providers, ${report.codes} codes, ${report.guides} guides` +
      (report.rationalesKept > 0 ? `; ${report.rationalesKept} existing rationales kept (amend them in the editors' area)` : ""),
  );
} catch (error) {
  code = 1;
  console.error(error instanceof ContentError ? error.message : `import failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await db.close();
}
process.exit(code);
