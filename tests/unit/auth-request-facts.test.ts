import { describe, expect, test } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { isCrossOrigin } from "@/lib/auth/is-cross-origin";
import { requestHost } from "@/lib/auth/request-host";

describe("isCrossOrigin", () => {
  const host = "archive.test:3100";
  test("an Origin naming this host is same-origin, whatever the case", () => {
    expect(isCrossOrigin({ origin: "http://archive.test:3100", host, secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossOrigin({ origin: "http://ARCHIVE.test:3100", host, secFetchSite: null })).toBe(false);
  });

  test("an Origin naming any other host, port or nothing is cross-origin", () => {
    for (const origin of ["http://evil.test", "http://archive.test", "http://archive.test:3101", "http://archive.test.evil.test:3100", "null", "not a url"]) {
      expect(isCrossOrigin({ origin, host, secFetchSite: "same-origin" })).toBe(true);
    }
    expect(isCrossOrigin({ origin: "http://archive.test:3100", host: null, secFetchSite: null })).toBe(true);
  });

  test("without Origin, Sec-Fetch-Site decides; without either, the request is not from another page", () => {
    expect(isCrossOrigin({ origin: null, host, secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossOrigin({ origin: null, host, secFetchSite: "none" })).toBe(false);
    expect(isCrossOrigin({ origin: null, host, secFetchSite: "same-site" })).toBe(true);
    expect(isCrossOrigin({ origin: null, host, secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossOrigin({ origin: null, host, secFetchSite: null })).toBe(false);
  });
});

describe("requestHost", () => {
  test("X-Forwarded-Host counts only behind a trusted proxy", () => {
    expect(requestHost("127.0.0.1:3000", "archive.example", 0)).toBe("127.0.0.1:3000");
    expect(requestHost("127.0.0.1:3000", "archive.example, internal", 1)).toBe("archive.example");
    expect(requestHost("127.0.0.1:3000", null, 1)).toBe("127.0.0.1:3000");
    expect(requestHost(null, null, 0)).toBeNull();
  });
});

describe("clientAddress", () => {
  test("with no trusted proxy, the one entry Next.js fills from the connection", () => {
    expect(clientAddress("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("2001:DB8::1", 0)).toBe("2001:db8::1");
    expect(clientAddress(null, 0)).toBeNull();
  });

  test("behind N trusted proxies, the Nth entry from the right; entries further left are the client's own claims", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", 2)).toBeNull();
  });

  test("text that is not an address is not used", () => {
    expect(clientAddress("<script>", 0)).toBeNull();
    expect(clientAddress("unknown", 1)).toBeNull();
  });
});
