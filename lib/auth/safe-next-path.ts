/** Where signing in leads when no (acceptable) `next` address was given. */
export const DEFAULT_AFTER_SIGN_IN = "/editor";

/**
 * The `next` address to go to after signing in, if it is a path on this site; anything else
 * (another site, a protocol-relative //host, a backslash trick, a control character) gives /editor,
 * so that the sign-in page cannot be used to send people elsewhere.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string") return DEFAULT_AFTER_SIGN_IN;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  // Browsers drop tabs and newlines from URLs and read backslashes as slashes: "/\t/evil" is "//evil".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, "http://archive.invalid");
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== "http://archive.invalid") return DEFAULT_AFTER_SIGN_IN;
  // Signing in again from the sign-in page would only loop.
  if (url.pathname === "/sign-in") return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}
