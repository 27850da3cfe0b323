"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizeMutation } from "@/lib/auth/authorize-mutation";
import { restoreRationale } from "@/lib/rationale/restore-rationale";
import { findWireRoute } from "@/lib/wires/find-wire-route";
import type { RestoreFormState } from "./form-state";

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * "Restore this version" on the history page. The session, role and origin are checked here,
 * whatever the page showed; the version check happens in the database, so a restore from a page
 * that has gone stale cannot overwrite a newer amendment.
 */
export async function restoreRationaleAction(wireId: string, _previous: RestoreFormState, form: FormData): Promise<RestoreFormState> {
  const values = { reason: field(form, "reason") };
  const authorization = await authorizeMutation();
  if (!authorization.ok) return { status: "error", message: authorization.message, values };

  const { editor } = authorization.session;
  let result: Awaited<ReturnType<typeof restoreRationale>>;
  try {
    result = await restoreRationale({
      wireId,
      restoreVersion: field(form, "restoreVersion"),
      baseVersion: field(form, "baseVersion"),
      reason: values.reason,
      editor: { id: editor.id, displayName: editor.displayName },
      address: authorization.address,
    });
  } catch (error) {
    console.error("[history] restore failed", error);
    return { status: "error", message: "The archive could not save this restore. Nothing was changed; please try again.", values };
  }

  switch (result.status) {
    case "ok": {
      const route = await findWireRoute(wireId);
      revalidatePath(route?.canonical ?? `/wires/${wireId}`);
      revalidatePath(`/wires/${wireId}/history`);
      revalidatePath("/");
      redirect(`/wires/${wireId}/history?restored=${result.version}#version-${result.version}`);
    }
    case "invalid":
      return { status: "invalid", fieldErrors: result.fieldErrors, values };
    case "conflict":
      return {
        status: "conflict",
        currentVersion: result.current.version,
        latestChange: result.latestChange && { author: result.latestChange.author, at: result.latestChange.at },
        values,
      };
    case "unchanged":
      return { status: "error", message: "The current version already has this text and test: there is nothing to restore.", values };
    case "not-amendable":
      return {
        status: "error",
        message: result.wireStatus === "MERGED" ? "This wire was merged into another: its rationale is no longer amended." : "This wire was withdrawn: its rationale is no longer amended.",
        values,
      };
    case "no-such-version":
      return { status: "error", message: `This wire's rationale has no version ${result.version}.`, values };
    case "not-found":
      return { status: "error", message: "This wire has no rationale to restore.", values };
  }
}
