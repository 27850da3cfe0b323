import { Fragment } from "react";

export type Segments = { text: string; match: boolean }[];

/** Text in segments, the matched ones in <mark>: built as elements, never as raw HTML. */
export function HighlightedText({ segments, text }: { segments?: Segments; text: string }) {
  if (!segments || segments.length === 0) return <>{text}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-[#fde68a] px-0.5 text-[#1c1b18] dark:bg-[#fcd34d] dark:text-[#121211]">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
