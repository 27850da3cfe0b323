import { describe, expect, test } from "vitest";
import { renderMarkdown, type SourceLink } from "@/lib/markdown/render-markdown";
import { XSS_PAYLOADS as payloads } from "../helpers/xss-payloads";

const sources: SourceLink[] = [
  { position: 1, url: "https://openai.com/blog/dall-e-api-now-available-in-public-beta", title: "DALL·E API now available in public beta" },
  { position: 2, url: "https://openai.com/pricing", title: "Pricing" },
];

type Element = { name: string; attributes: Record<string, string> };

/** The elements and attributes of rehype-stringify's output (always double-quoted, `"` escaped). */
function elements(html: string): Element[] {
  const found: Element[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes: Record<string, string> = {};
    for (const attribute of (tag[2] ?? "").matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) attributes[attribute[1]!.toLowerCase()] = decode(attribute[2] ?? "");
    found.push({ name: tag[1]!.toLowerCase(), attributes });
  }
  return found;
}

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

const SAFE_ELEMENTS = new Set(["p", "a", "img", "code", "pre", "em", "strong", "del", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "input", "sup", "section"]);

/** Asserts that `html` can do nothing but show text and plain links. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<(svg|math|object|embed|style|form|button|details|link|meta|base)\b/i);
  for (const element of elements(html)) {
    expect(SAFE_ELEMENTS.has(element.name), `<${element.name}> in ${html}`).toBe(true);
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name, `event handler in ${html}`).not.toMatch(/^on/);
      expect(name, `style attribute in ${html}`).not.toBe("style");
      if (name === "href" || name === "src" || name === "action" || name === "formaction" || name === "xlink:href") {
        const url = value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        expect(url, `${name}="${value}" in ${html}`).toMatch(/^(https?:|mailto:|#|$)/);
      }
    }
    if (element.name === "input") expect(element.attributes).toMatchObject({ type: "checkbox", disabled: "" });
  }
}

describe("renderMarkdown", () => {
  test("renders ordinary Markdown", async () => {
    const html = await renderMarkdown("Prices were **set** per image.\n\n- one\n- two");
    expect(html).toBe("<p>Prices were <strong>set</strong> per image.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
  });

  test("[source](source:2) links to the wire's second source", async () => {
    const html = await renderMarkdown("Prices were set per image [source](source:2).", sources);
    expect(html).toBe('<p>Prices were set per image <a href="https://openai.com/pricing" title="Source 2: Pricing">source</a>.</p>');
  });

  test("each citation links to its own source", async () => {
    const html = await renderMarkdown("A [source](source:1) and B [source](source:2).", sources);
    expect(elements(html).filter((element) => element.name === "a").map((element) => element.attributes.href)).toEqual([
      "https://openai.com/blog/dall-e-api-now-available-in-public-beta",
      "https://openai.com/pricing",
    ]);
  });

  test("a citation of a source the wire does not have links nowhere", async () => {
    const html = await renderMarkdown("Claim [source](source:9).", sources);
    expect(html).not.toContain("source:9");
    expect(elements(html).find((element) => element.name === "a")?.attributes.href).toBe("");
  });

  test("ordinary links keep their address", async () => {
    expect(await renderMarkdown("See [the guide](https://example.org/guide).")).toBe('<p>See <a href="https://example.org/guide">the guide</a>.</p>');
  });


  test.each(payloads)("XSS payload is inert: %s", async (_, markdown) => {
    expectInert(await renderMarkdown(markdown, sources));
  });

  test("escaped HTML stays visible as text", async () => {
    const html = await renderMarkdown("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toBe("<p>&#x3C;script>alert(1)&#x3C;/script></p>");
  });

  test("raw HTML is dropped but the text around it stays", async () => {
    const html = await renderMarkdown("Before <b onclick=alert(1)>bold</b> after");
    expectInert(html);
    expect(html).toContain("Before");
    expect(html).toContain("after");
  });

  test("the checker itself catches what it must", () => {
    // Guards the guard: each of these must fail expectInert.
    for (const bad of ['<a href="javascript:alert(1)">x</a>', '<img src="x" onerror="alert(1)">', '<p style="color:red">x</p>', "<iframe></iframe>", '<a href="java&#x09;script:alert(1)">x</a>']) {
      expect(() => expectInert(bad), bad).toThrow();
    }
  });
});
