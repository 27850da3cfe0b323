/**
 * Accounts the browser tests sign in with, created by seed-editors.ts before the test server starts.
 * Test-only passwords: they exist in the throwaway test database and nowhere else.
 * Tests that sign out everywhere, fail on purpose or change accounts use an account of their own, so
 * that tests running in parallel do not end each other's sessions or trip the sign-in throttle.
 */
const PASSWORD = "e2e only: a long test passphrase, never used elsewhere";

export type E2eAccount = { email: string; displayName: string; role: "editor" | "admin"; password: string };

export const E2E_ACCOUNTS = {
  /** The everyday editor, for any test that needs to be signed in. */
  editor: { email: "editor@example.test", displayName: "Eda Editor", role: "editor", password: PASSWORD },
  /** The everyday admin. */
  admin: { email: "admin@example.test", displayName: "Adam Admin", role: "admin", password: PASSWORD },
  /** sign-in.e2e.ts: signing in and out, and a wrong password. */
  signIn: { email: "sign-in@example.test", displayName: "Sid Signin", role: "editor", password: PASSWORD },
  /** sign-in.e2e.ts: "sign out everywhere" ends this account's every session. */
  everywhere: { email: "everywhere@example.test", displayName: "Evie Everywhere", role: "editor", password: PASSWORD },
  /** admin-editors.e2e.ts: the admin who creates, disables and resets accounts. */
  chief: { email: "chief@example.test", displayName: "Chief Admin", role: "admin", password: PASSWORD },
  /** amend.e2e.ts: amends with preview and saves. */
  amender: { email: "amender@example.test", displayName: "Amy Amender", role: "editor", password: PASSWORD },
  /** amend.e2e.ts: the second editor of the conflict, who saves first. */
  rival: { email: "rival@example.test", displayName: "Rory Rival", role: "editor", password: PASSWORD },
  /** security.e2e.ts: the editor whose forms are replayed without a valid session. */
  guard: { email: "guard@example.test", displayName: "Gus Guard", role: "editor", password: PASSWORD },
  /** security.e2e.ts: an editor an admin disables, whose old session must stop working. */
  lapsed: { email: "lapsed@example.test", displayName: "Lou Lapsed", role: "editor", password: PASSWORD },
  /** security.e2e.ts: the admin whose account forms are replayed. */
  warden: { email: "warden@example.test", displayName: "Wren Warden", role: "admin", password: PASSWORD },
  /** editor-dashboard.e2e.ts: reads the review queue. */
  reviewer: { email: "reviewer@example.test", displayName: "Remy Reviewer", role: "editor", password: PASSWORD },
  /** amend.e2e.ts: writes script-injection attempts into a rationale and its reasons. */
  prober: { email: "prober@example.test", displayName: "Pat Prober", role: "editor", password: PASSWORD },
  /** readers-http.e2e.ts: amends one wire to see which kept pages it retires. */
  cacher: { email: "cacher@example.test", displayName: "Cass Cacher", role: "editor", password: PASSWORD },
} satisfies Record<string, E2eAccount>;
