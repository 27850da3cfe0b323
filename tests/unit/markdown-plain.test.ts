import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { plainMarkdownHtml } from "@/lib/markdown/plain-markdown";
import { runMarkdownPipeline } from "@/lib/markdown/markdown-pipeline";
import type { SourceLink } from "@/lib/markdown/render-markdown";

// The shortcut for plain prose (lib/markdown/plain-markdown.ts) must write exactly what the full Markdown pipeline writes, or
// decline: checked on the shipped wires, on texts built to probe each piece of syntax, and on
// thousands of random texts mixing prose with every character Markdown reads as syntax.

const SOURCES: SourceLink[] = [
  { position: 1, url: "https://openai.com/dall-e-2", title: "DALL·E 2" },
  { position: 2, url: "https://example.org/a/b?x=1;y=2#part", title: `The "quoted" & 'apostrophe' title` },
  { position: 3, url: "https://example.org/a b", title: "An address with a space" },
  { position: 4, url: "https://example.org/a&b=c", title: "An ampersand" },
  { position: 5, url: "javascript:alert(1)", title: "Not a web address" },
  { position: 6, url: "https://example.org/caf%C3%A9/%zz", title: "Percent escapes" },
  { position: 7, url: "https://example.org/ünïcode/[x]", title: "Beyond ASCII\u0007" },
  { position: 8, url: "http://example.org/plain", title: "Plain `back` ticks" },
];

/** Equal to renderMarkdown whenever it answers; true when it did. */
async function agrees(markdown: string, sources: SourceLink[] = SOURCES): Promise<boolean> {
  const fast = plainMarkdownHtml(markdown, sources);
  if (fast === undefined) return false;
  expect(fast, JSON.stringify(markdown)).toBe(await runMarkdownPipeline(markdown, sources, false));
  return true;
}

describe("plain Markdown written directly", () => {
  test("prose with citations is written as the pipeline writes it", async () => {
    const body = [
      "OpenAI presented DALL·E 2 on 6 April 2022, a system that turns a description into an image [source](source:1). It's \"new\" (mostly).",
      "The paper describes two stages: 40% of users, 3/4 of them [source](source:2); then [source](source:8).",
      "Café, naïve, “quoted” and ‘single’ – dashes — and … ellipses; 1984 was a year.",
    ].join("\n\n");
    expect(await agrees(body)).toBe(true);
    expect(await agrees(`\n\n${body}\n`)).toBe(true);
    expect(await agrees(body.replaceAll("\n\n", "\n\n\n"))).toBe(true);
    expect(await agrees("")).toBe(true);
    expect(await agrees("One line.")).toBe(true);
  });

  test("declines whatever Markdown or GFM would read as syntax, or the pipeline would encode", async () => {
    const declined = [
      "*emphasis*",
      "_emphasis_",
      "`code`",
      "<b>html</b>",
      "AT&T",
      "&amp;",
      "# Heading",
      "- item",
      "+ item",
      "1. item",
      "2) item",
      "> quote",
      "    code",
      "a\nb",
      "line  \nbreak",
      "a | b",
      "~~struck~~",
      "see https://example.org",
      "see www.example.org",
      "mail desk@example.org",
      "![image](source:1)",
      "[link](https://example.org)",
      "[ref]",
      "[^1]",
      "back\\slash",
      "an unknown source [source](source:99)",
      "an address with a space [source](source:3)",
      "an ampersand in an address [source](source:4)",
      "no web address [source](source:5)",
      "a bad percent escape [source](source:6)",
      "brackets beyond ASCII [source](source:7)",
      "trailing space ",
      " leading space",
      "Title\n===",
      "emoji 😀",
      "control \u0001 character",
    ];
    for (const markdown of declined) expect(plainMarkdownHtml(markdown, SOURCES), JSON.stringify(markdown)).toBeUndefined();
  });

  test("every shipped wire's body and rationale that it answers for comes out the same", async () => {
    const content = await loadContent(path.resolve("content"));
    let answered = 0;
    for (const wire of content.wires) {
      const sources = wire.sources.map((source, i) => ({ position: i + 1, url: source.url, title: source.title }));
      if (await agrees(wire.body, sources)) answered += 1;
      if (await agrees(wire.rationale.text, [])) answered += 1;
    }
    expect(answered).toBeGreaterThan(content.wires.length);
  });

  test("random texts: the same HTML or none", { timeout: 120_000 }, async () => {
    let state = 20_261_207;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const pick = <T,>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
    // Mostly prose, so that the shortcut answers often; now and then any piece of syntax.
    const prose = ["The", "model", "was", "released", "on", "6 April 2022", "Café", "“quoted”", "it's", "40%", "3/4", "(aside)", "1984", "—", "…", "said:", "x", "\"yes\""];
    const punctuation = [".", ",", ";", ":", "?", "!", " ", " ", " ", "  "];
    const syntax = ["*", "_", "`", "<", ">", "&", "#", "[", "]", "(", ")", "!", "|", "~", "\\", "-", "+", "=", "1.", "2)", "http://x.org", "www.x.org", "a@b.co", "\u00A0", "\t", "\r", "\n", "&amp;", "[x]", "[^1]"];
    const citation = (noise: number) =>
      next() < noise * 10
        ? `[${pick(["source", "src 2", "a b", " x", "", "so*urce"])}](source:${pick(["1", "01", "3", "4", "5", "6", "7", "9"])})`
        : `[${pick(["source", "source", "src 2"])}](source:${pick(["1", "2", "8"])})`;
    const paragraph = (noise: number) => {
      let text = next() < noise * 5 ? pick(["1.", "-", " ", "#", ">", "‘s", "*", "[x]"]) : pick(["The", "OpenAI", "\"Quoted\"", "(Aside)", "2022", "Café", "É"]);
      const words = 3 + Math.floor(next() * 25);
      for (let i = 0; i < words; i += 1) {
        const roll = next();
        text += roll < noise ? pick(syntax) : roll < 0.1 ? ` ${citation(noise)}` : roll < 0.3 ? pick(punctuation) : ` ${pick(prose)}`;
      }
      return text + (next() < noise * 5 ? pick([" ", "!", "\\"]) : pick([".", ".", "", "?"]));
    };
    let answered = 0;
    const total = 3_000;
    for (let i = 0; i < total; i += 1) {
      // Half the texts hardly ever hold syntax, so that the shortcut answers often; the rest often do.
      const noise = i % 2 === 0 ? 0.002 : 0.03;
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 4) }, () => paragraph(noise));
      const separator = () => (next() < noise * 5 ? pick(["\n", "\n \n", "\n\n\n"]) : "\n\n");
      const markdown = paragraphs.reduce((text, p, n) => (n === 0 ? p : `${text}${separator()}${p}`), "");
      if (await agrees(markdown)) answered += 1;
    }
    // The shortcut must be taken often enough for this comparison to mean something.
    expect(answered).toBeGreaterThan(total / 5);
  });
});
