/** The one spelling of an email address the editor table stores (its CHECK constraint insists). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
