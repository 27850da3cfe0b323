import { isCommonPassword } from "./common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-limits";

/**
 * Why a new password is refused, or null when it is acceptable. Length and the two blocklists are
 * the only rules (NIST SP 800-63B): no required mix of character kinds.
 */
export function checkPasswordPolicy(password: string, email: string): string | null {
  // Characters as people count them, not UTF-16 units.
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  if (length > PASSWORD_MAX_LENGTH) return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "The password must not be the email address.";
  if (isCommonPassword(password)) return "This password is on a list of commonly used passwords; choose another.";
  return null;
}
