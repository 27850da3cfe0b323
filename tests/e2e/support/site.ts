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
