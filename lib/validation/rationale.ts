import { z } from "zod";

/**
 * What an editor may send when amending or restoring a rationale. Shared by the amend form, the
 * restore action on the history page and any API, so every way in applies the same limits.
 */

/** The rationale text, in characters after trimming: long enough for a careful argument, short of a document. */
export const RATIONALE_TEXT_MAX = 20_000;
/** The test applied: a one-line label such as `Counterfactual "but-for" test per the Editor's Guide`. */
export const RATIONALE_TEST_MIN = 3;
export const RATIONALE_TEST_MAX = 300;
/** Every change says why, in a sentence or a short paragraph. */
export const RATIONALE_REASON_MIN = 5;
export const RATIONALE_REASON_MAX = 500;

// Browsers send a textarea's line breaks as CRLF; the archive stores LF so that an unchanged text
// compares equal and diffs do not show every line as changed.
const lineBreaks = (value: string) => value.replace(/\r\n?/g, "\n");

const textField = z
  .string({ error: "Enter the rationale text." })
  .transform((value) => lineBreaks(value).trim())
  .pipe(
    z
      .string()
      .min(1, "Enter the rationale text.")
      .max(RATIONALE_TEXT_MAX, `The rationale text must be at most ${RATIONALE_TEXT_MAX.toLocaleString("en-GB")} characters.`),
  );

const testField = z
  .string({ error: "Enter the test applied." })
  // One line: runs of spaces and line breaks become one space.
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(RATIONALE_TEST_MIN, `The test applied must be at least ${RATIONALE_TEST_MIN} characters.`)
      .max(RATIONALE_TEST_MAX, `The test applied must be at most ${RATIONALE_TEST_MAX} characters.`),
  );

const reasonField = z
  .string({ error: "Enter the reason for this change." })
  .transform((value) => lineBreaks(value).trim())
  .pipe(
    z
      .string()
      .min(RATIONALE_REASON_MIN, `The reason must be at least ${RATIONALE_REASON_MIN} characters.`)
      .max(RATIONALE_REASON_MAX, `The reason must be at most ${RATIONALE_REASON_MAX} characters.`),
  );

/** A version number as a form sends it ("3") or as code passes it (3). */
const versionField = (label: string) =>
  z.coerce
    .number({ error: `The ${label} must be a whole number.` })
    .int(`The ${label} must be a whole number.`)
    .positive(`The ${label} must be 1 or more.`)
    .max(2_147_483_647, `The ${label} is out of range.`);

export const amendRationaleSchema = z.object({
  text: textField,
  test: testField,
  reason: reasonField,
  /** The version the editor started from: the amendment applies only if it is still current. */
  baseVersion: versionField("version you started from"),
});

export type AmendRationaleFields = z.infer<typeof amendRationaleSchema>;

export const restoreRationaleSchema = z.object({
  restoreVersion: versionField("version to restore"),
  reason: reasonField,
  baseVersion: versionField("version you started from"),
});

export type RestoreRationaleFields = z.infer<typeof restoreRationaleSchema>;

/** Field errors as the forms show them: the first message per field. */
export function firstFieldErrors(error: z.ZodError): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
