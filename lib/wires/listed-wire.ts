/** Wires that are listed anywhere: merged wires live on in the wire they were merged into. */
export const LISTED_WIRE = { wire: { status: { not: "MERGED" as const } } };

/** Prisma `_count` of listed wires through a wire_provider / wire_code relation. */
export const listedWireCount = { _count: { select: { wires: { where: LISTED_WIRE } } } };
