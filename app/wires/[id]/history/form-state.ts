/** Every outcome of a "Restore this version" form; each hands the editor's reason back. */
export type RestoreFormState =
  | { status: "idle" }
  | { status: "ok" }
  | { status: "invalid"; fieldErrors: Partial<Record<"reason" | "restoreVersion" | "baseVersion", string>>; values: { reason: string } }
  | {
      status: "conflict";
      /** The version now current, and who saved it, so the editor knows what to look at. */
      currentVersion: number;
      latestChange: { author: string; at: string } | null;
      values: { reason: string };
    }
  | { status: "error"; message: string; values: { reason: string } };
