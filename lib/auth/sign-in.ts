import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { normalizeEmail } from "@/lib/editors/normalize-email";
import type { SignedInEditor } from "./editor-session";
import { hashPassword } from "./hash-password";
import { PASSWORD_MAX_LENGTH } from "./password-limits";
import { releaseSignInAttempts } from "./release-sign-in-attempts";
import { pruneSignInThrottle } from "./prune-sign-in-throttle";
import { reserveSignInAttempt } from "./reserve-sign-in-attempt";
import { startSession, type StartedSession } from "./start-session";
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey, addressKey } from "./throttle-policy";
import { verifyPassword } from "./verify-password";

export type SignInInput = {
  email: string;
  password: string;
  address: string | null;
  userAgent: string | null;
  now?: Date;
};

/** A failure says nothing more, whatever the reason: the reason goes to the audit trail only. */
export type SignInResult = { ok: true; editor: SignedInEditor; session: StartedSession } | { ok: false };

type FailureReason = "throttled-address" | "throttled-account" | "unknown-account" | "wrong-password" | "disabled";

/**
 * Checks an email and password and, when they match an enabled editor, starts a new session.
 * Security boundary: throttled per account and per address before any password is checked, and an
 * unknown email costs the same hashing time as a known one.
 */
export async function signIn(input: SignInInput): Promise<SignInResult> {
  const prisma = await getPrisma();
  const now = input.now ?? new Date();
  // Addresses are at most 320 characters; a longer "email" cannot match and would only bloat the throttle table.
  const email = normalizeEmail(input.email).slice(0, 320);
  const keys = { account: accountKey(email), address: input.address ? addressKey(input.address) : null };

  const fail = async (reason: FailureReason, editorId: string | null): Promise<SignInResult> => {
    await prisma.auditEvent.create({
      data: { action: "editor.sign-in-failed", editorId, address: input.address, at: now, detail: { email, reason } },
    });
    return { ok: false };
  };

  await pruneSignInThrottle(prisma, now);
  // The address first: a locked-out source cannot keep pushing an account towards its own lock.
  if (keys.address && !(await reserveSignInAttempt(prisma, keys.address, ADDRESS_RULE, now)).allowed) return fail("throttled-address", null);
  if (!(await reserveSignInAttempt(prisma, keys.account, ACCOUNT_RULE, now)).allowed) return fail("throttled-account", null);

  const editor = await prisma.editor.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, role: true, passwordHash: true, disabledAt: true },
  });
  // Over-long passwords never match (none can be set), and are not worth hashing.
  const tooLong = Array.from(input.password).length > PASSWORD_MAX_LENGTH;
  const check = await verifyPassword(editor && !tooLong ? editor.passwordHash : null, tooLong ? "" : input.password);
  if (!editor) return fail("unknown-account", null);
  if (!check.ok) return fail("wrong-password", editor.id);
  if (editor.disabledAt !== null) return fail("disabled", editor.id);

  // A stored hash made with older Argon2 settings is replaced while the password is at hand.
  const newHash = check.needsRehash ? await hashPassword(input.password) : null;
  const session = await prisma.$transaction(async (tx) => {
    await releaseSignInAttempts(tx, keys);
    if (newHash) await tx.editor.update({ where: { id: editor.id }, data: { passwordHash: newHash } });
    const started = await startSession(tx, editor.id, input.userAgent, now);
    await tx.auditEvent.create({ data: { action: "editor.signed-in", editorId: editor.id, address: input.address, at: now } });
    return started;
  });
  const { id, displayName, role } = editor;
  return { ok: true, editor: { id, email: editor.email, displayName, role }, session };
}
