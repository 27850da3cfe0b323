import "server-only";
import { createWriteStream } from "node:fs";
import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { QueryProblem } from "@/lib/search/archive-query";
import type { ExportFormat, ExportQuery } from "./export-query";
import { exportStream } from "./export-stream";
import { selectExportWires } from "./select-export-wires";

export type WriteExportOptions = {
  query: ExportQuery;
  format: ExportFormat;
  bom: boolean;
  base: string;
  /** A file path, or a stream such as standard output. */
  out: string | Writable;
  /** Called once with the number of wires, before the first is written. */
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
};

export type WriteExportResult =
  | { status: "ok"; wires: number; bytes: number; seconds: number }
  | { status: "invalid"; problems: QueryProblem[] };

/**
 * An export written to a file or a stream (`npm run wires -- export`): the same selection and the
 * same bytes as the download, with the file system's backpressure pacing the database reads.
 */
export async function writeExport(options: WriteExportOptions): Promise<WriteExportResult> {
  const selection = await selectExportWires(options.query);
  if (selection.status === "invalid") return selection;
  options.onStart?.(selection.total);
  const started = performance.now();
  let wires = 0;
  let bytes = 0;
  const body = exportStream({
    selection,
    format: options.format,
    base: options.base,
    bom: options.bom,
    onProgress: (done) => {
      wires = done;
      options.onProgress?.(done);
    },
  });
  const count = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const target = typeof options.out === "string" ? createWriteStream(options.out) : options.out;
  await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), count, target, { signal: options.signal, end: typeof options.out === "string" });
  return { status: "ok", wires, bytes, seconds: (performance.now() - started) / 1000 };
}
