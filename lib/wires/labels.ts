/** Short names for the severity scale and sourcing standards; the rubrics live in the Editor's Guide. */
export const SEVERITY_LABELS: Record<number, string> = {
  1: "Critical",
  2: "Major",
  3: "Significant",
  4: "Moderate",
  5: "Minor",
};

export const SOURCING_LABELS = {
  PROVISIONAL: "provisional",
  STANDARD: "standard",
  CONFIRMED: "confirmed",
} as const;

export const STATUS_LABELS = {
  PUBLISHED: "Published",
  CORRECTED: "Corrected",
  WITHDRAWN: "Withdrawn",
  MERGED: "Merged",
} as const;

export const SOURCE_KIND_LABELS = {
  PRIMARY: "Primary",
  REPORT: "Report",
  ANALYSIS: "Analysis",
} as const;

/** "2 sources · standard" */
export function sourcingLine(sourceCount: number, standard: keyof typeof SOURCING_LABELS): string {
  return `${sourceCount} ${sourceCount === 1 ? "source" : "sources"} · ${SOURCING_LABELS[standard]}`;
}

export const EDITORS_GUIDE = "/guides/editors-guide";
