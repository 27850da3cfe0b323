import { afterAll, test } from "vitest";
import { importContent } from "@/lib/content/import-content";
import { makeContentCopy } from "../helpers/content-copy";
import { closeTestDb, testDb, importShipped, rowCounts } from "../helpers/database";

afterAll(closeTestDb);
const W = "wires/AIW-2022-0008.md";
const cases: [string, (c: Awaited<ReturnType<typeof makeContentCopy>>) => Promise<void>][] = [
  ["headline", (c) => c.edit(W, (t) => t.replace(/^headline:.*\n/m, ""))],
  ["Z9", (c) => c.edit(W, (t) => t.replace("codes: [M1, F10]", "codes: [M1, Z9]"))],
  ["date13", (c) => c.edit(W, (t) => t.replace("occurred_on: 2022-11-03", "occurred_on: 2022-13-45"))],
  ["yesterday", (c) => c.edit(W, (t) => t.replace("occurred_on: 2022-11-03", "occurred_on: yesterday"))],
  ["dup", async (c) => c.write("wires/AIW-2022-0099.md", (await c.read(W)))],
  ["url", (c) => c.edit(W, (t) => t.replace("url: https://openai.com/pricing", "url: not a url"))],
  ["noclose", (c) => c.edit(W, (t) => t.replace("\n---\n", "\n\n"))],
  ["yamlsyntax", (c) => c.edit(W, (t) => t.replace("severity: 3", "severity: [3"))],
  ["provider", (c) => c.edit(W, (t) => t.replace("providers: [openai]", "providers: [open-ai-inc]"))],
  ["sourceN", (c) => c.edit(W, (t) => t.replace("[source](source:2)", "[source](source:2) [source](source:7)"))],
  ["filename", async (c) => { await c.write("wires/AIW-2022-0108.md", await c.read(W)); await c.remove(W); }],
  ["sevrity", (c) => c.edit(W, (t) => t.replace("severity: 3", "sevrity: 3"))],
];
test("print", async () => {
  await testDb();
  await importShipped();
  console.log(await rowCounts());
  for (const [name, fn] of cases) {
    const c = await makeContentCopy();
    await fn(c);
    try { await importContent((await testDb()).prisma, c.dir); console.log(name, "NO ERROR"); } catch (e) { console.log(name, (e as Error).message, JSON.stringify((e as any).issues)); }
    await c.cleanup();
  }
});
