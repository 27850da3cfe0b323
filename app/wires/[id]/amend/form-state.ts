import type { DiffSegment } from "@/lib/rationale/diff-words";
import type { LatestChange, RationaleState } from "@/lib/rationale/rationale-state";

/** What the editor typed; always handed back, so no outcome loses it. */
export type AmendValues = { text: string; test: string; reason: string; baseVersion: string };

/** Every outcome of the amend form. Each carries the editor's own values back to the form. */
export type AmendFormState =
  | { status: "idle"; values: AmendValues }
  | { status: "preview"; values: AmendValues; previewHtml: string }
  | { status: "invalid"; values: AmendValues; fieldErrors: Partial<Record<string, string>> }
  | { status: "unchanged"; values: AmendValues }
  | {
      status: "conflict";
      values: AmendValues;
      current: RationaleState;
      latestChange: LatestChange | null;
      /** From the current text to the editor's text. */
      diff: DiffSegment[];
    }
  | { status: "error"; values: AmendValues; message: string };

export type PreviewResult = { status: "ok"; html: string } | { status: "error"; message: string };
