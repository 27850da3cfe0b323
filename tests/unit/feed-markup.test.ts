import { describe, expect, test } from "vitest";
import { cleanText, el, escapeText, raw, serialize, xmlDocument } from "@/lib/feeds/markup";

describe("feed markup", () => {
  test("escapes the five XML specials in text and attributes", () => {
    const xml = serialize(el("a", { title: `"quoted" & 'single' <tag>` }, `x < y && z > "w" 'v'`));
    expect(xml).toBe(`<a title="&quot;quoted&quot; &amp; &#39;single&#39; &lt;tag&gt;">x &lt; y &amp;&amp; z &gt; &quot;w&quot; &#39;v&#39;</a>`);
  });

  test("text that looks like markup or CDATA stays text", () => {
    expect(serialize(el("t", {}, "]]><script>alert(1)</script><![CDATA[x"))).toBe("<t>]]&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;![CDATA[x</t>");
  });

  test("strips characters XML 1.0 forbids, and C1 controls, from text and attributes", () => {
    const hostile = "a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh\u0085i\u009Fj\uFFFEk\uFFFFl\uD800m\uDFFFn";
    expect(cleanText(hostile)).toBe("abcdefghijklmn");
    expect(serialize(el("t", { a: hostile }, hostile))).toBe('<t a="abcdefghijklmn">abcdefghijklmn</t>');
  });

  test("keeps tab, newline, carriage return, non-ASCII text and astral characters", () => {
    const text = "tab\there\nnew\rline · DALL·E — “quotes” 😀 𝔸";
    expect(cleanText(text)).toBe(text);
    expect(escapeText(text)).toBe(text);
  });

  test("elements without children close themselves in XML, not in HTML", () => {
    expect(serialize(el("link", { href: "https://example.org/" }))).toBe('<link href="https://example.org/"/>');
    expect(serialize(el("p", {}), "html")).toBe("<p></p>");
  });

  test("skips absent children and attributes", () => {
    expect(serialize(el("p", { a: undefined, b: "1" }, false, null, undefined, "x", [el("i", {}, "y"), false]))).toBe('<p b="1">x<i>y</i></p>');
  });

  test("raw markup passes through, without illegal characters", () => {
    expect(serialize(el("div", {}, raw("<p>safe\u0001</p>")), "html")).toBe("<div><p>safe</p></div>");
  });

  test("refuses element and attribute names that are not XML names", () => {
    expect(() => el("a b")).toThrow(/element name/);
    expect(() => el("a", { 'x"onload': "1" })).toThrow(/attribute name/);
    expect(() => el("<script>")).toThrow(/element name/);
  });

  test("a document starts with the XML declaration", () => {
    expect(xmlDocument(el("feed", { xmlns: "http://www.w3.org/2005/Atom" }, el("title", {}, "T")))).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>\n',
    );
  });
});
