/** Every outcome of the sign-in form. The email typed is always handed back; the password never is. */
export type SignInFormState =
  | { status: "idle"; email: string }
  | { status: "invalid"; email: string; fieldErrors: { email?: string; password?: string } }
  | { status: "error"; email: string; message: string };

/** The one message for every failed sign-in, so that it tells nobody which emails have accounts. */
export const SIGN_IN_FAILED =
  "Email or password is wrong, or sign-in is paused for this account or network after too many tries. Check them and try again later.";
