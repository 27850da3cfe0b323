import { describe, expect, it } from "vitest";
import { checkRequest, MAX_BODY_BYTES } from "@/lib/http/check-request";

const check = (url: string, method = "GET", headers: Record<string, string> = {}) => checkRequest({ method, url, headers });

describe("requests refused before the app reads them", () => {
  it.each([
    ["/api/v1/wires/%ZZ", "path"],
    ["/api/v1/providers/%ZZ", "path"],
    ["/api/v1/codes/%ZZ", "path"],
    ["/wires/AIW-2022-0008/%ZZ", "path"],
    ["/wires/AIW-2022-0008/%E0%A4%A", "path"],
    ["/wires/%E0%A4", "path"],
    ["/archive%", "path"],
    ["/archive?q=%ZZ", 'parameter "q"'],
    ["/archive?q=ok&provider=%E0%A4", 'parameter "provider"'],
    ["/feeds/archive.rss?q=%", 'parameter "q"'],
    ["/archive?%ZZ=1", "a parameter's name"],
  ])("%s: 400 naming the %s", (url, where) => {
    const answer = check(url);
    expect(answer?.status).toBe(400);
    expect(answer?.message).toContain(where);
  });

  it("lets well-formed addresses through, encoded or not", () => {
    for (const url of ["/", "/archive?q=%22image+api%22+-pricing&provider=Open%20AI", "/wires/AIW-2022-0008/dall-e-api-public-beta", "/archive?q=caf%C3%A9", "/archive?q=100%25", "/search?a=&b"]) {
      expect(check(url), url).toBeNull();
    }
  });

  it("refuses an address past 8 KB with 414", () => {
    expect(check(`/archive?q=${"x".repeat(9_000)}`)?.status).toBe(414);
  });

  it("refuses a body over the limit by its length with 413, and one of unknown length with 411", () => {
    expect(check("/sign-in", "POST", { "content-length": String(20 * 1024 * 1024) })?.status).toBe(413);
    expect(check("/sign-in", "POST", { "content-length": String(MAX_BODY_BYTES) })).toBeNull();
    expect(check("/sign-in", "POST", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(check("/sign-in", "POST", { "content-length": "lots" })?.status).toBe(400);
    expect(check("/sign-in", "GET", { "transfer-encoding": "chunked" })).toBeNull();
  });
});
