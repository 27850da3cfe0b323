import { describe, expect, test } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from "@/lib/auth/safe-next-path";

describe("safeNextPath", () => {
  test("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/editor")).toBe("/editor");
    expect(safeNextPath("/wires/AIW-2022-0008/dall-e-api-public-beta/history?page=2#v3")).toBe("/wires/AIW-2022-0008/dall-e-api-public-beta/history?page=2#v3");
    expect(safeNextPath("/editor/../archive")).toBe("/archive");
  });

  test("anything that could lead to another site goes to the editors' area instead", () => {
    const hostile = [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      " /editor",
      "javascript:alert(1)",
      "editor",
      "",
      "/%2F%2Fevil.example",
    ];
    for (const value of hostile) {
      const result = safeNextPath(value);
      expect(result.startsWith("/") && !result.startsWith("//")).toBe(true);
      expect(new URL(result, "http://archive.test").host).toBe("archive.test");
    }
    expect(safeNextPath("https://evil.example/")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath("//evil.example/")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath("/\\evil.example")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeNextPath(["/editor"])).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  test("the sign-in page itself is not a destination", () => {
    expect(safeNextPath("/sign-in?next=/editor")).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
