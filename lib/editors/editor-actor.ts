/** Who changed an editor account, for the audit trail. */
export type EditorActor = {
  /** The signed-in admin, or null on the command line (whoever can run it can reach the database). */
  editorId: string | null;
  address: string | null;
  via: "app" | "command-line";
};

export type EditorTarget = { id: string } | { email: string };
