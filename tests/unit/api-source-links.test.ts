import { describe, expect, test } from "vitest";
import { resolveSourceLinks } from "@/lib/api/resolve-source-links";
import { unknownParams, wireIdParam } from "@/lib/api/route-input";

const PAGE = "https://wires.example.org/wires/AIW-2022-0001/a-wire";
const SOURCES = [
  { position: 1, url: "https://one.example/a" },
  { position: 2, url: "https://two.example/b" },
];

describe("resolveSourceLinks", () => {
  test("citations point at the sources, relative links at the archive", async () => {
    expect(await resolveSourceLinks("Said so [source](source:1) and [here](source:2); see [guide](/guides/editors-guide).", SOURCES, PAGE)).toBe(
      "Said so [source](https://one.example/a) and [here](https://two.example/b); see [guide](https://wires.example.org/guides/editors-guide).\n",
    );
  });

  test("a reference definition is resolved too; a citation of a missing source keeps its text", async () => {
    expect(await resolveSourceLinks("See [it][s] and [gone](source:7).\n\n[s]: source:2", SOURCES, PAGE)).toBe("See [it][s] and gone.\n\n[s]: https://two.example/b\n");
  });

  test("Markdown without citations or relative links comes back byte for byte", async () => {
    const text = "Plain *text*  with [a link](https://example.org) and odd   spacing\n";
    expect(await resolveSourceLinks(text, SOURCES, PAGE)).toBe(text);
  });
});

describe("route input", () => {
  test("wire ids in any case; anything else is no id", () => {
    expect(wireIdParam("aiw-2022-0001")).toBe("AIW-2022-0001");
    expect(wireIdParam("AIW-2022-12345")).toBe("AIW-2022-12345");
    for (const raw of ["AIW-22-0001", "AIW-2022-0001/x", "%E0%A4%A", "AIW-2022-0001%00", "", "x".repeat(100)]) expect(wireIdParam(raw)).toBeNull();
  });

  test("unknown parameters are named once each", () => {
    const url = new URL("http://localhost/x?before=1&page=2&page=3&limit=9");
    expect(unknownParams(url, ["before"]).map((problem) => problem.param)).toEqual(["page", "limit"]);
    expect(unknownParams(new URL("http://localhost/x?a=1"), [])[0]!.message).toContain("takes no parameters");
  });
});
