import { clientAddress } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { apiError } from "./api-response";
import { CORS_HEADERS } from "./cors";
import { takeApiToken, type RateDecision } from "./rate-limit";

/**
 * Every read of the API goes through here: one token from the client address's bucket (429 with
 * Retry-After when there is none), CORS headers for any site, and a JSON 500 that names no
 * internals when anything throws (the details go to the server's log only).
 */
export async function serveApi(request: Request, handle: () => Promise<Response>): Promise<Response> {
  let decision: RateDecision | undefined;
  let response: Response;
  try {
    const config = env();
    // Without a known address (no proxy header at all) every such request shares one bucket.
    const address = clientAddress(request.headers.get("x-forwarded-for"), config.ARCHIVE_TRUST_PROXY) ?? "unknown";
    decision = takeApiToken(address, config.ARCHIVE_API_RATE_LIMIT);
    response = decision.allowed
      ? await handle()
      : apiError(
          { error: "rate_limited", message: `Too many requests from this address: the API allows ${decision.limit} a minute. Try again in ${decision.retryAfter} s.`, retryAfter: decision.retryAfter },
          { "Retry-After": String(decision.retryAfter) },
        );
  } catch (error) {
    console.error("[api] request failed", request.method, new URL(request.url).pathname, error);
    response = apiError({ error: "internal_error", message: "The archive could not answer this request. Please try again." });
  }
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  if (decision && decision.limit > 0) {
    response.headers.set("RateLimit-Limit", String(decision.limit));
    response.headers.set("RateLimit-Remaining", String(decision.remaining));
    response.headers.set("RateLimit-Reset", String(decision.resetAfter));
  }
  return response;
}
