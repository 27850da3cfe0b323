import "server-only";
import { getPrisma } from "@/lib/db/get-db";
import { rationaleStateSelect, toRationaleState, type RationaleState } from "./rationale-state";

export type RationaleForEditing = {
  wire: {
    id: string;
    slug: string;
    headline: string;
    status: "PUBLISHED" | "CORRECTED" | "WITHDRAWN" | "MERGED";
    mergedInto: { id: string; slug: string } | null;
  };
  /** Null when the wire has no rationale. */
  rationale: RationaleState | null;
  /** Whether an amendment or restore would be accepted: not for merged or withdrawn wires. */
  amendable: boolean;
};

/** What the amend form starts from: the current text, test, version and basis, and the wire it belongs to. */
export async function getRationaleForEditing(wireId: string): Promise<RationaleForEditing | null> {
  const prisma = await getPrisma();
  const row = await prisma.wire.findUnique({
    where: { id: wireId },
    select: {
      id: true,
      slug: true,
      headline: true,
      status: true,
      mergedInto: { select: { id: true, slug: true } },
      rationale: { select: rationaleStateSelect },
    },
  });
  if (!row) return null;
  const { rationale, ...wire } = row;
  return {
    wire,
    rationale: rationale ? toRationaleState(rationale) : null,
    amendable: Boolean(rationale) && wire.status !== "MERGED" && wire.status !== "WITHDRAWN",
  };
}
