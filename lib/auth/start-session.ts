import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session-policy";
import { createSessionToken, hashSessionToken } from "./session-token";

type Writer = Pick<PrismaClient, "editorSession">;

export type StartedSession = {
  /** For the cookie only; never stored. */
  token: string;
  tokenHash: string;
  expiresAt: Date;
  absoluteExpiresAt: Date;
};

/** A new session for an editor who has just proved who they are: always a fresh token. */
export async function startSession(db: Writer, editorId: string, userAgent: string | null, now: Date = new Date()): Promise<StartedSession> {
  const token = createSessionToken();
  const tokenHash = hashSessionToken(token);
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.editorSession.create({
    data: {
      tokenHash,
      editorId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      absoluteExpiresAt,
      userAgent: userAgent ? userAgent.slice(0, 300) : null,
    },
  });
  return { token, tokenHash, expiresAt, absoluteExpiresAt };
}
