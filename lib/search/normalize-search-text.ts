/**
 * The form in which search text meets the index: "DALL·E" is indexed as "DALL-E" (see the
 * search_middle_dot migration), so queries get the same replacement, character for character.
 */
export function normalizeSearchText(text: string): string {
  return text.replace(/·/g, "-");
}
