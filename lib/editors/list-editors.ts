import "server-only";
import { getPrisma } from "@/lib/db/get-db";

export type EditorSummary = {
  id: string;
  email: string;
  displayName: string;
  role: "EDITOR" | "ADMIN";
  disabledAt: Date | null;
  createdAt: Date;
};

/** Every editor and admin account, enabled ones first, then by email. */
export async function listEditors(): Promise<EditorSummary[]> {
  const prisma = await getPrisma();
  const editors = await prisma.editor.findMany({
    select: { id: true, email: true, displayName: true, role: true, disabledAt: true, createdAt: true },
    orderBy: { email: "asc" },
  });
  return editors.sort((a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null));
}
