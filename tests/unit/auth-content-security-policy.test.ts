import { describe, expect, test } from "vitest";
import { contentSecurityPolicy } from "@/lib/auth/content-security-policy";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1).join(" ")]));

describe("contentSecurityPolicy", () => {
  test("scripts need this request's nonce; plugins, framing, foreign forms and base tags are off", () => {
    expect(directives(contentSecurityPolicy("abc123==", false))).toEqual({
      "default-src": "'self'",
      "script-src": "'self' 'nonce-abc123==' 'strict-dynamic'",
      "style-src": "'self' 'unsafe-inline'",
      "img-src": "'self' blob: data:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
  });

  test("only the development server allows eval, for React's debugging aids", () => {
    expect(directives(contentSecurityPolicy("n", true))["script-src"]).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy("n", false)).not.toContain("unsafe-eval");
  });
});
