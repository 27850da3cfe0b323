import type { SourcingStandard, WireStatus } from "@/lib/db/generated/enums";

/** What every reading of a whole wire holds (its page, feeds, exports), whatever else each adds. */
export type WireCore = {
  id: string;
  slug: string;
  headline: string;
  summary: string;
  body: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  severity: number;
  sourcingStandard: SourcingStandard;
  status: WireStatus;
  statusNote: string | null;
  providers: { slug: string; name: string }[];
  codes: { code: string; label: string }[];
};
