import "server-only";
import { csvLine } from "./csv-cell";
import { CSV_HEADER, csvValues } from "./csv-columns";
import type { ExportFormat } from "./export-query";
import { toExportRecord } from "./export-record";
import { loadExportWires, type ExportWire } from "./load-export-wires";
import type { ExportSelection } from "./select-export-wires";

/** Wires read from the database per statement. */
export const EXPORT_BATCH = 1_000;
/** Wires of the first statement: a few, so that the first records go out at once (NDJSON has no header to send first). */
export const FIRST_BATCH = 10;
const UTF8_BOM = "\uFEFF";

export type ExportStreamOptions = {
  selection: Extract<ExportSelection, { status: "ok" }>;
  format: ExportFormat;
  /** The archive's public address, for the permalinks. */
  base: string;
  bom: boolean;
  batchSize?: number;
  /** Called after each batch is handed on, with the number of wires written so far. */
  onProgress?: (done: number) => void;
  onError?: (error: unknown) => void;
};

/**
 * The export as a byte stream that is pulled, not pushed: a batch is read from the database only
 * when the reader (a slow download, a file on disk) has taken the one before, and the next batch
 * is fetched while the current one is written. So at most about three batches are in memory,
 * however many wires the export holds. Cancelling the stream (a download given up) stops the reads.
 * The first batch is small, so that the first bytes do not wait for a thousand wires to be read.
 */
export function exportStream(options: ExportStreamOptions): ReadableStream<Uint8Array> {
  const { selection, format, base, bom } = options;
  const encoder = new TextEncoder();
  const batchSize = options.batchSize ?? EXPORT_BATCH;
  const batches = selection.batches(batchSize, Math.min(FIRST_BATCH, batchSize));
  const line = format === "csv" ? (wire: ExportWire) => csvLine(csvValues(toExportRecord(wire, base))) : (wire: ExportWire) => `${JSON.stringify(toExportRecord(wire, base))}\n`;
  let cancelled = false;
  let done = 0;
  const fetchNext = (): Promise<ExportWire[]> | undefined => {
    if (cancelled) return undefined;
    const next = batches.next();
    if (next.done) return undefined;
    const loading = loadExportWires(next.value, selection.names);
    // Awaited by the next pull; marked handled now so a cancelled download leaves no unhandled rejection.
    loading.catch(() => undefined);
    return loading;
  };
  let pending: Promise<ExportWire[]> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (format === "csv") controller.enqueue(encoder.encode(`${bom ? UTF8_BOM : ""}${csvLine(CSV_HEADER)}`));
        pending = fetchNext();
      },
      async pull(controller) {
        const current = pending;
        if (!current) {
          controller.close();
          return;
        }
        try {
          const wires = await current;
          pending = fetchNext();
          if (cancelled) return;
          let text = "";
          for (const wire of wires) text += line(wire);
          controller.enqueue(encoder.encode(text));
          done += wires.length;
          options.onProgress?.(done);
        } catch (error) {
          options.onError?.(error);
          controller.error(error);
        }
      },
      cancel() {
        cancelled = true;
        pending = undefined;
      },
    },
    // One batch waits in the queue at most; the next pull happens once the reader has taken it.
    { highWaterMark: 1 },
  );
}
