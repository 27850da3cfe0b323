import type { IncomingMessage } from "node:http";
import type { PlainAnswer } from "./plain-answers";

/** The largest request body the archive takes: a rationale of 20,000 characters fits many times over. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The longest address: a search with every provider and code selected fits. */
export const MAX_URL_BYTES = 8 * 1024;

const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const PERCENT = /%(?![0-9A-Fa-f]{2})/;

/**
 * What is wrong with a request before any part of the app reads it, or null: an address too long,
 * malformed percent-encoding in the path or the query (a "%" without two hex digits, or bytes that are
 * not UTF-8), a body over the limit by its Content-Length, or a body sent without one. Each a 4xx
 * naming the problem, where the framework would otherwise fail with a 500.
 */
export function checkRequest(request: Pick<IncomingMessage, "method" | "url" | "headers">): PlainAnswer | null {
  const url = request.url ?? "/";
  if (Buffer.byteLength(url) > MAX_URL_BYTES) return { status: 414, message: `This address is longer than the archive reads (${MAX_URL_BYTES.toLocaleString("en-GB")} bytes).` };
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!decodes(path)) return { status: 400, message: "The path of this address has malformed percent-encoding (a % must be followed by two hex digits that spell UTF-8 text)." };
  if (queryAt !== -1) {
    for (const part of url.slice(queryAt + 1).split("&")) {
      const equals = part.indexOf("=");
      const name = equals === -1 ? part : part.slice(0, equals);
      if (!decodes(name.replaceAll("+", " ")) || (equals !== -1 && !decodes(part.slice(equals + 1).replaceAll("+", " ")))) {
        const shown = decodes(name) ? `the parameter ${JSON.stringify(decodeURIComponent(name))}` : "a parameter's name";
        return { status: 400, message: `The query of this address has malformed percent-encoding in ${shown} (a % must be followed by two hex digits that spell UTF-8 text).` };
      }
    }
  }
  if (METHODS_WITH_BODY.has(request.method ?? "")) {
    const length = request.headers["content-length"];
    if (length !== undefined) {
      const bytes = Number(length);
      if (!Number.isSafeInteger(bytes) || bytes < 0) return { status: 400, message: "This request's Content-Length is not a number of bytes." };
      if (bytes > MAX_BODY_BYTES) return { status: 413, message: `This request's body is ${bytes.toLocaleString("en-GB")} bytes; the archive takes at most ${MAX_BODY_BYTES.toLocaleString("en-GB")}.` };
    } else if (request.headers["transfer-encoding"] !== undefined) {
      return { status: 411, message: "Send this request's body with a Content-Length: the archive does not read bodies of unknown length." };
    }
  }
  return null;
}

function decodes(text: string): boolean {
  if (!text.includes("%")) return true;
  if (PERCENT.test(text)) return false;
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
