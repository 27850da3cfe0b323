import "server-only";
import { amendRationaleSchema, firstFieldErrors } from "@/lib/validation/rationale";
import { applyRationaleChange } from "./apply-rationale-change";
import type { RationaleChangeResult } from "./rationale-state";

export const AMENDED_LABEL = "Amended by an editor";

export type AmendRationaleInput = {
  wireId: string;
  /** The version the editor started from. */
  baseVersion: number | string;
  text: string;
  test: string;
  reason: string;
  editor: { id: string; displayName: string };
  address?: string | null;
};

/**
 * Replaces a wire's rationale text and test with an editor's, as a new version, if nobody else
 * changed it since `baseVersion`. Merged and withdrawn wires are refused: a merged wire lives on in
 * the surviving wire, and a withdrawn one no longer publishes its text. The caller checks the session.
 */
export async function amendRationale(input: AmendRationaleInput): Promise<RationaleChangeResult> {
  const parsed = amendRationaleSchema.safeParse({ text: input.text, test: input.test, reason: input.reason, baseVersion: input.baseVersion });
  if (!parsed.success) return { status: "invalid", fieldErrors: firstFieldErrors(parsed.error) };
  return applyRationaleChange({
    wireId: input.wireId,
    baseVersion: parsed.data.baseVersion,
    text: parsed.data.text,
    test: parsed.data.test,
    reason: parsed.data.reason,
    kind: "AMENDMENT",
    basisLabel: AMENDED_LABEL,
    restoredFrom: null,
    editor: input.editor,
    address: input.address ?? null,
  });
}
