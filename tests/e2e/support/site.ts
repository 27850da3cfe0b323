/** Facts about the shipped content/ that the browser tests rely on. */
export const DALLE_API = {
  id: "AIW-2022-0008",
  path: "/wires/AIW-2022-0008/dall-e-api-public-beta",
  headline: "DALL·E API enters public beta",
  summary: "OpenAI opened its DALL·E image API to all developers in public beta",
  sources: [
    { title: "DALL·E API now available in public beta", url: "https://openai.com/blog/dall-e-api-now-available-in-public-beta" },
    { title: "Pricing", url: "https://openai.com/pricing" },
  ],
};

/** The newest wire by publication time. */
export const NEWEST_HEADLINE = "DALL·E 3 rolls out to ChatGPT Plus and Enterprise";

/** Month headings such as "November 2022". */
export const MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

/** Dates as <time dateTime> gives them ("2022-11-03") sort as text: true when newest comes first. */
export function isNonIncreasing(values: string[]): boolean {
  return values.every((value, index) => index === 0 || values[index - 1]! >= value);
}

/**
 * Fixture wires (tests/e2e/fixtures/wires/), fictional, which the test server imports along with content/.
 * They are never part of the shipped content.
 */
export const WITHDRAWN_FIXTURE = {
  id: "AIW-2022-0901",
  path: "/wires/AIW-2022-0901/fixture-withdrawn-image-api-price-cut",
  headline: "Fixture: withdrawn report of an image API price cut",
  reason: "Withdrawn: the cited announcement was a parody account; no such release happened.",
  month: "November 2022",
  /** From the wire's body and rationale, which a withdrawn wire no longer publishes. */
  bodyText: "Fixture body text that must never appear",
  rationaleText: "Fixture rationale text that must never appear",
};

/** Merged into DALLE_API: its addresses redirect there. */
export const MERGED_FIXTURE = {
  id: "AIW-2022-0902",
  slug: "fixture-duplicate-dall-e-api-beta",
  headline: "Fixture: duplicate report of the DALL·E API beta",
};
