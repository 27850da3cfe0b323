import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { normalizeProviderName } from "@/lib/providers/normalize-provider-name";
import {
  guideFileSchema,
  providersFileSchema,
  slugSchema,
  taxonomyFileSchema,
  wireFileSchema,
  type GuideFile,
  type ProvidersFile,
  type TaxonomyFile,
  type WireFile,
} from "@/lib/validation/content";
import { ContentError, fieldPath, type ContentIssue } from "./content-error";
import { parseYaml, splitFrontMatter, type LineOf } from "./parse-yaml";

type Located = { file: string; lineOf: LineOf };
export type ContentWire = WireFile & Located & { body: string };
export type ContentGuide = GuideFile & Located & { slug: string; body: string };
export type LoadedContent = {
  providers: ProvidersFile;
  taxonomy: TaxonomyFile;
  guides: ContentGuide[];
  wires: ContentWire[];
};

const SOURCE_REF = /\]\(source:(\d+)\)/g;

/** Reads and validates everything in the content folder; throws a ContentError listing every problem. */
export async function loadContent(dir: string): Promise<LoadedContent> {
  const issues: ContentIssue[] = [];
  const rel = (...parts: string[]) => path.join(path.relative(/*turbopackIgnore: true*/ process.cwd(), dir) || ".", ...parts);

  const providersFile = rel("providers.yaml");
  const providers = parseYaml(providersFile, await readText(dir, "providers.yaml", issues, providersFile), providersFileSchema);
  issues.push(...providers.issues);
  const taxonomyFile = rel("taxonomy.yaml");
  const taxonomy = parseYaml(taxonomyFile, await readText(dir, "taxonomy.yaml", issues, taxonomyFile), taxonomyFileSchema);
  issues.push(...taxonomy.issues);

  const guides: ContentGuide[] = [];
  for (const name of await listMarkdown(path.join(dir, "guides"))) {
    const file = rel("guides", name);
    const parts = splitFrontMatter(file, await readFile(path.join(dir, "guides", name), "utf8"));
    if ("message" in parts) {
      issues.push(parts);
      continue;
    }
    const slug = name.replace(/\.md$/, "");
    if (!slugSchema.safeParse(slug).success) issues.push({ file, message: "the file name must be a lower-case slug followed by .md" });
    const parsed = parseYaml(file, parts.yaml, guideFileSchema, 2);
    issues.push(...parsed.issues);
    if (parsed.data) guides.push({ ...parsed.data, slug, body: parts.body.trim(), file, lineOf: parsed.lineOf });
  }

  const wires: ContentWire[] = [];
  for (const name of await listMarkdown(path.join(dir, "wires"))) {
    const file = rel("wires", name);
    const parts = splitFrontMatter(file, await readFile(path.join(dir, "wires", name), "utf8"));
    if ("message" in parts) {
      issues.push(parts);
      continue;
    }
    const parsed = parseYaml(file, parts.yaml, wireFileSchema, 2);
    issues.push(...parsed.issues);
    if (!parsed.data) continue;
    if (name !== `${parsed.data.id}.md`) issues.push({ file, line: parsed.lineOf(["id"]), field: "id", message: `the file must be named ${parsed.data.id}.md after the wire's id` });
    if (!parts.body.trim()) issues.push({ file, line: parts.bodyLine, field: "body", message: "the wire has no body text after the front matter" });
    issues.push(...checkSourceRefs(file, parts.body, parts.bodyLine, parsed.data.sources.length));
    wires.push({ ...parsed.data, body: parts.body.trim(), file, lineOf: parsed.lineOf });
  }

  // A file that failed validation is still there: references to it are not reported as unknown too.
  const present = {
    wires: new Set((await listMarkdown(path.join(dir, "wires"))).map((name) => name.replace(/\.md$/, ""))),
    guides: new Set((await listMarkdown(path.join(dir, "guides"))).map((name) => name.replace(/\.md$/, ""))),
  };
  if (providers.data && taxonomy.data) issues.push(...crossCheck(providers.data, taxonomy.data, guides, wires, providersFile, taxonomyFile, present));
  if (issues.length > 0) throw new ContentError(issues);
  return { providers: providers.data!, taxonomy: taxonomy.data!, guides, wires };
}

async function readText(dir: string, name: string, issues: ContentIssue[], file: string): Promise<string> {
  try {
    return await readFile(path.join(dir, name), "utf8");
  } catch {
    issues.push({ file, message: "file is missing" });
    return "";
  }
}

async function listMarkdown(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(".md")).sort();
}

function checkSourceRefs(file: string, body: string, bodyLine: number, sourceCount: number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const cited = new Set<number>();
  body.split("\n").forEach((text, index) => {
    for (const match of text.matchAll(SOURCE_REF)) {
      const n = Number(match[1]);
      cited.add(n);
      if (n < 1 || n > sourceCount) {
        issues.push({ file, line: bodyLine + index, field: "body", message: `source:${n} cites a source that does not exist (the wire has ${sourceCount})` });
      }
    }
  });
  for (let n = 1; n <= sourceCount; n += 1) {
    if (!cited.has(n)) issues.push({ file, line: bodyLine, field: "body", message: `source ${n} is never cited: link it inline as [source](source:${n})` });
  }
  return issues;
}

function crossCheck(
  providers: ProvidersFile,
  taxonomy: TaxonomyFile,
  guides: ContentGuide[],
  wires: ContentWire[],
  providersFile: string,
  taxonomyFile: string,
  present: { wires: Set<string>; guides: Set<string> },
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const providerSlugs = new Set<string>();
  const names = new Map<string, string>();
  for (const provider of providers) {
    if (providerSlugs.has(provider.slug)) issues.push({ file: providersFile, field: "slug", message: `provider ${provider.slug} is defined twice` });
    providerSlugs.add(provider.slug);
    for (const alias of [provider.name, provider.slug, ...provider.aliases]) {
      const key = normalizeProviderName(alias);
      const owner = names.get(key);
      if (owner && owner !== provider.slug) issues.push({ file: providersFile, field: "aliases", message: `"${alias}" of ${provider.slug} is already a name of ${owner}` });
      names.set(key, provider.slug);
    }
  }
  const codes = new Set<string>();
  const letters = new Set<string>();
  for (const family of taxonomy.families) {
    if (letters.has(family.letter)) issues.push({ file: taxonomyFile, field: "families", message: `family ${family.letter} is defined twice` });
    letters.add(family.letter);
    for (const code of family.codes) {
      const key = `${family.letter}${code.number}`;
      if (codes.has(key)) issues.push({ file: taxonomyFile, field: "codes", message: `code ${key} is defined twice` });
      codes.add(key);
    }
  }
  const guideSlugs = new Set([...guides.map((guide) => guide.slug), ...present.guides]);
  const unknown = (item: Located, path: (string | number)[], value: string, what: string, where: string) =>
    issues.push({ file: item.file, line: item.lineOf(path), field: fieldPath(path), message: `unknown ${what} "${value}" (expected one defined in ${where})` });
  for (const guide of guides) {
    guide.codes.forEach((code, i) => codes.has(code) || unknown(guide, ["codes", i], code, "code", taxonomyFile));
    guide.providers.forEach((slug, i) => providerSlugs.has(slug) || unknown(guide, ["providers", i], slug, "provider", providersFile));
  }
  const wireIds = new Map<string, string>();
  for (const wire of wires) {
    const other = wireIds.get(wire.id);
    if (other) issues.push({ file: wire.file, line: wire.lineOf(["id"]), field: "id", message: `duplicate id ${wire.id}: ${other} has it too` });
    wireIds.set(wire.id, wire.file);
  }
  for (const wire of wires) {
    wire.codes.forEach((code, i) => codes.has(code) || unknown(wire, ["codes", i], code, "code", taxonomyFile));
    wire.providers.forEach((slug, i) => providerSlugs.has(slug) || unknown(wire, ["providers", i], slug, "provider", providersFile));
    wire.guides.forEach((slug, i) => guideSlugs.has(slug) || unknown(wire, ["guides", i], slug, "guide", "content/guides"));
    wire.related.forEach((id, i) => ((wireIds.has(id) || present.wires.has(id)) && id !== wire.id) || unknown(wire, ["related", i], id, "related wire", "content/wires"));
    if (wire.merged_into && ((!wireIds.has(wire.merged_into) && !present.wires.has(wire.merged_into)) || wire.merged_into === wire.id)) {
      unknown(wire, ["merged_into"], wire.merged_into, "surviving wire", "content/wires");
    }
  }
  return issues;
}
