import { env } from "@/lib/env";

/**
 * The session cookie. In production it is Secure with the __Host- prefix (no Domain, Path=/, Secure),
 * which browsers then refuse to let a sibling subdomain or a plain-http page set or overwrite.
 * Browsers treat http://127.0.0.1 and http://localhost as secure contexts and accept Secure cookies
 * from them (checked with Chromium), so the production build served on loopback over http, as the
 * browser tests do, still signs in. `next dev` uses a plain name and no Secure flag, so that any
 * browser works on a development machine.
 */
export function sessionCookieName(): string {
  return isProduction() ? "__Host-wire-session" : "wire-session";
}

export type SessionCookieOptions = {
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  expires: Date;
};

/** Options for setting the cookie; it expires with the session's absolute lifetime. */
export function sessionCookieOptions(expires: Date): SessionCookieOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: isProduction(), expires };
}

function isProduction(): boolean {
  return env().NODE_ENV === "production";
}
