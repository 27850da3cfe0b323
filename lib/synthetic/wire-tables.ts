/** Every table that holds wires or rows drawn from them (the headline words and the search's text postings among them). */
export const WIRE_TABLES = [
  "wire",
  "source",
  "wire_provider",
  "wire_code",
  "wire_link",
  "wire_guide",
  "rationale",
  "rationale_revision",
  "headline_word",
  "search_block",
  "search_posting",
] as const;

/** Synthetic ids have six digits after the year (AIW-2019-100000); the shipped ones have four. */
export const SYNTHETIC_ID_PATTERN = "^AIW-[0-9]{4}-[0-9]{6}$";
export const FIRST_SYNTHETIC_NUMBER = 100_000;
