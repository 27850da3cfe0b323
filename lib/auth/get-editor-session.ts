import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { EditorSession } from "./editor-session";
import { readSession } from "./read-session";
import { sessionCookieName } from "./session-cookie";

/**
 * The signed-in editor for pages and layouts, read once per request. For showing things only:
 * every write checks again with authorizeMutation.
 */
export const getEditorSession = cache(async (): Promise<EditorSession | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  return readSession(token);
});
