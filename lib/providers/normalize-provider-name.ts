/** The form provider names and aliases are compared in: "Open AI", "openai" and "OPEN-AI" agree. */
export function normalizeProviderName(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]/gu, "");
}
