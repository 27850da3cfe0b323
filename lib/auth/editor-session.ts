/** A signed-in editor, as the data layer and pages see it. Never includes the password hash or token. */
export type SignedInEditor = {
  id: string;
  email: string;
  displayName: string;
  role: "EDITOR" | "ADMIN";
};

export type EditorSession = {
  editor: SignedInEditor;
  /** SHA-256 (hex) of the cookie's token: the session row's key. */
  tokenHash: string;
  expiresAt: Date;
};

/** What every Server Action and route handler that writes gets back from `authorizeMutation`. */
export type MutationAuthorization =
  | { ok: true; session: EditorSession; address: string | null }
  | { ok: false; status: 401 | 403; message: string };
