import { describe, expect, test } from "vitest";
import { conditionalResponse, strongEtag } from "@/lib/feeds/conditional-response";

const representation = { body: "<feed/>", contentType: "application/atom+xml; charset=utf-8", lastModified: new Date("2026-05-10T09:10:00.250Z") };
const send = (headers: Record<string, string> = {}) => conditionalResponse(new Request("http://localhost/feeds/latest.atom", { headers }), representation);

describe("conditional GET", () => {
  test("a plain request gets the body with a strong ETag, Last-Modified and cache headers", async () => {
    const response = send();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<feed/>");
    expect(response.headers.get("etag")).toBe(strongEtag("<feed/>"));
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(response.headers.get("last-modified")).toBe("Sun, 10 May 2026 09:10:00 GMT");
    expect(response.headers.get("cache-control")).toBe("public, no-cache");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  });

  test("the ETag changes with any byte of the body", () => {
    expect(strongEtag("<feed/>")).not.toBe(strongEtag("<feed />"));
  });

  test.each([
    ["the same ETag", { "if-none-match": strongEtag("<feed/>") }],
    ["the ETag among others", { "if-none-match": `"other", ${strongEtag("<feed/>")}` }],
    ["the ETag marked weak", { "if-none-match": `W/${strongEtag("<feed/>")}` }],
    ["*", { "if-none-match": "*" }],
    ["If-Modified-Since at Last-Modified", { "if-modified-since": "Sun, 10 May 2026 09:10:00 GMT" }],
    ["If-Modified-Since after it", { "if-modified-since": "Mon, 11 May 2026 00:00:00 GMT" }],
  ])("%s: 304 without a body, with the validators", async (_name, headers) => {
    const response = send(headers);
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("etag")).toBe(strongEtag("<feed/>"));
    expect(response.headers.get("last-modified")).toBe("Sun, 10 May 2026 09:10:00 GMT");
  });

  test.each([
    ["another ETag", { "if-none-match": '"stale"' }],
    ["If-Modified-Since a second earlier", { "if-modified-since": "Sun, 10 May 2026 09:09:59 GMT" }],
    ["an unreadable If-Modified-Since", { "if-modified-since": "yesterday" }],
    // If-None-Match decides when both are sent (RFC 9110).
    ["another ETag with a current If-Modified-Since", { "if-none-match": '"stale"', "if-modified-since": "Mon, 11 May 2026 00:00:00 GMT" }],
  ])("%s: 200 with the body", async (_name, headers) => {
    const response = send(headers);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<feed/>");
  });
});
