import { describe, expect, test } from "vitest";
import { absoluteLinks } from "@/lib/feeds/absolute-links";

const page = "https://wires.example.org/wires/AIW-2022-0008/dall-e-api-public-beta";

describe("absolute links in feed entries", () => {
  test("relative links, images and definitions point at the archive", async () => {
    const markdown = "See [the guide](/guides/editors-guide#severity-rubric), [below](#sources), ![chart](img/chart.png) and [ref].\n\n[ref]: ../AIW-2022-0001\n";
    const result = await absoluteLinks(markdown, page);
    expect(result).toContain("(https://wires.example.org/guides/editors-guide#severity-rubric)");
    expect(result).toContain("(https://wires.example.org/wires/AIW-2022-0008/dall-e-api-public-beta#sources)");
    expect(result).toContain("(https://wires.example.org/wires/AIW-2022-0008/img/chart.png)");
    expect(result).toContain("[ref]: https://wires.example.org/wires/AIW-2022-0001");
  });

  test("links with a scheme, and source references, are left alone byte for byte", async () => {
    const markdown = "OpenAI said so [source](source:1), per [the post](https://openai.com/blog/x) and <mailto:desk@example.org>.";
    expect(await absoluteLinks(markdown, page)).toBe(markdown);
  });

  test("text without links comes back unchanged", async () => {
    const markdown = "A plain paragraph with *emphasis* and a list:\n\n- one\n- two\n";
    expect(await absoluteLinks(markdown, page)).toBe(markdown);
  });
});
