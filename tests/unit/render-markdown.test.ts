import { describe, expect, test } from "vitest";
import { renderMarkdown, type SourceLink } from "@/lib/markdown/render-markdown";

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

  const payloads: [string, string][] = [
    ["script tag", "<script>alert(1)</script>"],
    ["script tag inside a paragraph", "Text <script>alert(document.cookie)</script> more"],
    ["img onerror", '<img src="x" onerror="alert(1)">'],
    ["img onerror without quotes", "<img src=x onerror=alert(1)>"],
    ["javascript: link", "[click](javascript:alert(1))"],
    ["mixed-case javascript: link", "[click](JaVaScRiPt:alert(1))"],
    ["entity-encoded javascript: link", "[click](&#106;avascript&#58;alert(1))"],
    ["hex-entity javascript: link", "[click](&#x6A;avascript:alert(1))"],
    ["javascript: in angle brackets", "[click](<javascript:alert(1)>)"],
    ["javascript: in a reference definition", "[click][x]\n\n[x]: javascript:alert(1)"],
    ["javascript: image", "![x](javascript:alert(1))"],
    ["vbscript: link", "[click](vbscript:msgbox(1))"],
    ["data: URL link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["data: URL image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
    ["iframe", '<iframe src="https://evil.example"></iframe>'],
    ["iframe with srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ["svg onload", "<svg onload=alert(1)>"],
    ["svg with script", "<svg><script>alert(1)</script></svg>"],
    ["style attribute", '<p style="background:url(javascript:alert(1))">x</p>'],
    ["style element", "<style>body{background:url(javascript:alert(1))}</style>"],
    ["raw anchor with javascript:", '<a href="javascript:alert(1)">x</a>'],
    ["div onclick", '<div onclick="alert(1)">x</div>'],
    ["details ontoggle", "<details open ontoggle=alert(1)>"],
    ["input onfocus", "<input autofocus onfocus=alert(1)>"],
    ["event handler smuggled in a link title", '[a](https://example.org "x\\" onmouseover=\\"alert(1)")'],
    ["event handler smuggled after a link URL", '[a](https://example.org" onclick="alert(1))'],
    ["nested script tags", "<scr<script>ipt>alert(1)</scr</script>ipt>"],
    ["doubled brackets", "<<script>script>alert(1)<</script>/script>"],
    ["escaped entities stay text", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["mutation-XSS through math", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"],
    ["object data", '<object data="javascript:alert(1)"></object>'],
    ["form action", "<form action=javascript:alert(1)><button>x</button></form>"],
    ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ["base href", '<base href="javascript:alert(1)//">'],
    ["code span", "`<script>alert(1)</script>`"],
    ["fenced code", "```html\n<script>alert(1)</script>\n```"],
    ["autolink with javascript:", "<javascript:alert(1)>"],
    ["tab inside the scheme", "[click](java\tscript:alert(1))"],
    ["source citation carrying a payload", "[x](source:1) [y](source:1\" onclick=\"alert(1))"],
    ["task list checkbox", "- [x] done <img src=x onerror=alert(1)>"],
  ];

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
