import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MIN_LENGTH } from "./password-limits";

let common: Set<string> | undefined;

/** Whether a password is on the list of about 49,000 commonly used passwords, ignoring case. */
export function isCommonPassword(password: string): boolean {
  // Shorter entries can never pass the length rule, so only the long ones are kept in memory.
  common ??= new Set(
    (dictionary["passwords-common"] as string[]).filter((entry) => entry.length >= PASSWORD_MIN_LENGTH).map((entry) => entry.toLowerCase()),
  );
  return common.has(password.toLowerCase());
}
