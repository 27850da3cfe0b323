import { describe, expect, test } from "vitest";
import { jsonLdText } from "@/lib/seo/json-ld-text";
import { escapeXml, urlEntry } from "@/lib/seo/sitemap-xml";
import { wireJsonLd } from "@/lib/seo/wire-json-ld";
import { wireMetadata } from "@/lib/seo/wire-metadata";

const WIRE = {
  id: "AIW-2024-0003",
  slug: "stable-diffusion-3-waitlist-opens",
  headline: "Stable Diffusion 3 waitlist </script><script>alert(1)</script>",
  summary: "Stability AI opened a waitlist & <b>more</b>.",
  status: "PUBLISHED" as const,
  statusNote: null,
  publishedAt: "2024-03-21T09:00:00.000Z",
  updatedAt: "2024-03-22T10:00:00.000Z",
  severity: 3,
  codes: [{ code: "M2", label: "Access restriction" }],
  providers: [{ slug: "stability-ai", name: "Stability AI" }],
  sources: [{ title: "Announcement", publisher: "Stability AI", url: "https://stability.example/sd3" }],
  rationale: { updatedAt: "2024-04-01T08:00:00.000Z" },
};

describe("structured data", () => {
  test("survives any text inside a script element: no '<' reaches the HTML, and JSON reads the same data back", () => {
    const data = wireJsonLd(WIRE, "https://wires.example.org");
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(data);
  });

  test("a NewsArticle by the archive, about the providers, dated by the later of the wire's and its rationale's change", () => {
    expect(wireJsonLd(WIRE, "https://wires.example.org")).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": "https://wires.example.org/wires/AIW-2024-0003",
      url: "https://wires.example.org/wires/AIW-2024-0003/stable-diffusion-3-waitlist-opens",
      headline: WIRE.headline,
      datePublished: "2024-03-21T09:00:00.000Z",
      dateModified: "2024-04-01T08:00:00.000Z",
      author: { "@type": "Organization", name: "AI Incident Wire", url: "https://wires.example.org/" },
      publisher: { "@type": "Organization", name: "AI Incident Wire" },
      about: [{ "@type": "Organization", name: "Stability AI", url: "https://wires.example.org/providers/stability-ai" }],
      citation: [{ "@type": "CreativeWork", name: "Announcement", url: "https://stability.example/sd3" }],
    });
  });

  test("a withdrawn wire gives the reason, never its withdrawn text or sources", () => {
    const withdrawn = { ...WIRE, status: "WITHDRAWN" as const, statusNote: "Withdrawn: the report was a hoax." };
    const data = wireJsonLd(withdrawn, "https://wires.example.org");
    expect(data.description).toBe("Withdrawn: the report was a hoax.");
    expect(data).not.toHaveProperty("citation");
    expect(JSON.stringify(data)).not.toContain("opened a waitlist");
    const metadata = wireMetadata(withdrawn);
    expect(metadata.description).toBe("Withdrawn: the report was a hoax.");
    expect(metadata.openGraph?.title).toBe(`Withdrawn: ${WIRE.headline}`);
  });
});

describe("page metadata", () => {
  test("a wire's canonical address, OpenGraph article and Twitter summary card", () => {
    expect(wireMetadata(WIRE)).toEqual({
      title: WIRE.headline,
      description: WIRE.summary,
      alternates: { canonical: "/wires/AIW-2024-0003/stable-diffusion-3-waitlist-opens" },
      openGraph: {
        type: "article",
        title: WIRE.headline,
        description: WIRE.summary,
        url: "/wires/AIW-2024-0003/stable-diffusion-3-waitlist-opens",
        siteName: "AI Incident Wire",
        locale: "en_GB",
        publishedTime: "2024-03-21T09:00:00.000Z",
        modifiedTime: "2024-04-01T08:00:00.000Z",
        section: "SEV-3",
        tags: ["M2 Access restriction"],
      },
      twitter: { card: "summary", title: WIRE.headline, description: WIRE.summary },
    });
  });
});

describe("sitemap XML", () => {
  test("escapes the five XML characters in addresses", () => {
    expect(escapeXml(`a&b'c"d<e>f`)).toBe("a&amp;b&apos;c&quot;d&lt;e&gt;f");
    expect(urlEntry("https://x.example/?a=1&b=2", new Date("2024-01-02T03:04:05Z"))).toBe(
      "<url><loc>https://x.example/?a=1&amp;b=2</loc><lastmod>2024-01-02T03:04:05.000Z</lastmod></url>\n",
    );
  });
});
