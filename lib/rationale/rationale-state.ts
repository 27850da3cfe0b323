import type { RationaleBasis } from "@/lib/db/generated/enums";

/** A wire's current rationale as forms and results carry it: plain values, times as ISO strings. */
export type RationaleState = {
  text: string;
  test: string;
  version: number;
  basis: RationaleBasis;
  basisLabel: string;
  /** YYYY-MM-DD */
  basisDate: string;
  updatedAt: string;
};

/** Who wrote the current version, so a conflict can say whose change came first. */
export type LatestChange = { author: string; at: string; reason: string; kind: "IMPORT" | "AMENDMENT" | "RESTORE" };

/** The change that was refused, handed back so the editor loses nothing. */
export type AttemptedChange = { text: string; test: string; reason: string };

/** Why a wire's rationale cannot be changed: merged wires live on in another wire; withdrawn ones are no longer published. */
export type ClosedWire = {
  wireStatus: "MERGED" | "WITHDRAWN";
  mergedInto: { id: string; slug: string } | null;
};

/** What an amendment or a restore returns. Callers show each case; none of them throws. */
export type RationaleChangeResult =
  | { status: "ok"; version: number; rationale: RationaleState }
  /** Someone else changed the rationale since `baseVersion`: nothing was written. */
  | { status: "conflict"; current: RationaleState; latestChange: LatestChange | null; attempted: AttemptedChange }
  /** The text and test are the ones already current: nothing was written. */
  | { status: "unchanged"; rationale: RationaleState }
  | { status: "invalid"; fieldErrors: Partial<Record<string, string>> }
  | { status: "not-found" }
  | ({ status: "not-amendable" } & ClosedWire)
  /** A restore named a version the wire never had. */
  | { status: "no-such-version"; version: number };

type StateRow = {
  text: string;
  test: string;
  version: number;
  basis: RationaleBasis;
  basisLabel: string;
  basisDate: Date;
  updatedAt: Date;
};

export function toRationaleState(row: StateRow): RationaleState {
  return {
    text: row.text,
    test: row.test,
    version: row.version,
    basis: row.basis,
    basisLabel: row.basisLabel,
    basisDate: row.basisDate.toISOString().slice(0, 10),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const rationaleStateSelect = {
  text: true,
  test: true,
  version: true,
  basis: true,
  basisLabel: true,
  basisDate: true,
  updatedAt: true,
} as const;
