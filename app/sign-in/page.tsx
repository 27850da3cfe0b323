import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getEditorSession } from "@/lib/auth/get-editor-session";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { signInAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Editor sign-in", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

const SIGNED_OUT: Record<string, string> = {
  here: "You are signed out.",
  everywhere: "You are signed out on every browser and device.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getEditorSession()) redirect(next);
  const signedOut = typeof params["signed-out"] === "string" ? SIGNED_OUT[params["signed-out"]] : undefined;

  return (
    <div className="font-sans">
      <h1 className="text-2xl font-semibold">Editor sign-in</h1>
      {signedOut && <p role="status" className="mt-4 max-w-sm rounded-sm border border-rule p-3 text-sm">{signedOut}</p>}
      <p className="mt-2 max-w-prose text-sm text-muted">
        For the archive&rsquo;s editors, who amend rationales. Reading the archive needs no account. Accounts are
        created by an administrator.
      </p>
      <SignInForm action={signInAction} next={next} />
    </div>
  );
}
