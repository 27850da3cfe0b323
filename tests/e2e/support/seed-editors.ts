// Creates the browser tests' accounts (support/editors.ts) in the test database, before the server
// starts: run by web-server.mjs with the same environment as the app, through the app's own code.
import { getDb } from "@/lib/db/get-db";
import { createEditor } from "@/lib/editors/create-editor";
import { E2E_ACCOUNTS } from "./editors";

let code = 0;
try {
  for (const account of Object.values(E2E_ACCOUNTS)) {
    const result = await createEditor(account, { editorId: null, address: null, via: "command-line" });
    // Already there (a reused PostgreSQL database): fine, as long as it is the only complaint.
    if (result.status === "invalid" && !(Object.keys(result.fieldErrors).length === 1 && result.fieldErrors.email?.includes("already exists"))) {
      throw new Error(`${account.email}: ${JSON.stringify(result.fieldErrors)}`);
    }
  }
  console.log(`[e2e] accounts: ${Object.values(E2E_ACCOUNTS).map((account) => account.email).join(", ")}`);
} catch (error) {
  console.error(`[e2e] could not create the test accounts: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  // PGlite allows one process per data folder: the server opens it next.
  await (await getDb()).close();
}
process.exit(code);
