/** A guide as lists show it. */
export type GuideCard = { slug: string; title: string; summary: string };
