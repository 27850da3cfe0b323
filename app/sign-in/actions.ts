"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { authorizeMutation } from "@/lib/auth/authorize-mutation";
import { endAllSessions } from "@/lib/auth/end-all-sessions";
import { endSession } from "@/lib/auth/end-session";
import { isCrossOrigin } from "@/lib/auth/is-cross-origin";
import { readRequestFacts } from "@/lib/auth/read-request-facts";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-cookie";
import { signIn } from "@/lib/auth/sign-in";
import { SIGN_IN_FAILED, type SignInFormState } from "./form-state";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Signs an editor in and sends them on to `next` (a path on this site only). Another site's form
 * cannot sign a visitor into an account of its choosing: the request's origin is checked first.
 */
export async function signInAction(_previous: SignInFormState, form: FormData): Promise<SignInFormState> {
  const email = text(form, "email").slice(0, 320);
  const password = text(form, "password");
  const facts = await readRequestFacts();
  if (isCrossOrigin(facts)) return { status: "error", email, message: "This request came from another site and was refused." };

  const fieldErrors: { email?: string; password?: string } = {};
  if (email.trim() === "") fieldErrors.email = "Enter your email address.";
  if (password === "") fieldErrors.password = "Enter your password.";
  if (fieldErrors.email || fieldErrors.password) return { status: "invalid", email, fieldErrors };

  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn({ email, password, address: facts.address, userAgent: facts.userAgent });
  } catch (error) {
    console.error("[sign-in] failed:", error);
    return { status: "error", email, message: "Signing in is not possible right now. Try again in a minute." };
  }
  if (!result.ok) return { status: "error", email, message: SIGN_IN_FAILED };

  (await cookies()).set(sessionCookieName(), result.session.token, sessionCookieOptions(result.session.absoluteExpiresAt));
  redirect(safeNextPath(text(form, "next")));
}

/** Ends this browser's session. */
export async function signOutAction(): Promise<void> {
  const authorization = await authorizeMutation();
  if (!authorization.ok && authorization.status === 403) return;
  if (authorization.ok) await endSession(authorization.session, authorization.address);
  await clearCookie();
  redirect("/sign-in?signed-out=here");
}

/** Ends every session of the signed-in editor, on every browser and device. */
export async function signOutEverywhereAction(): Promise<void> {
  const authorization = await authorizeMutation();
  if (!authorization.ok && authorization.status === 403) return;
  if (authorization.ok) await endAllSessions(authorization.session, authorization.address);
  await clearCookie();
  redirect(authorization.ok ? "/sign-in?signed-out=everywhere" : "/sign-in?signed-out=here");
}

async function clearCookie(): Promise<void> {
  // Same attributes as when it was set: browsers refuse a __Host- cookie without Secure and Path=/.
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(new Date(0)), maxAge: 0 });
}
