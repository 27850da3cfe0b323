import { archiveHref, type ArchiveState } from "@/lib/search/archive-query";
import type { ExportFormat } from "./export-query";

/** "/archive/export.csv?provider=openai&code=M1": an archive search's download, without its page cursor. */
export function exportPath(format: ExportFormat, state: ArchiveState = {}): string {
  return archiveHref({ ...state, cursor: undefined, dir: undefined }, `/archive/export.${format}`);
}
