/** The test applied, and what it was before when it changed. */
export function RationaleTestChange({ before, after }: { before: string | null; after: string }) {
  if (before === null || before === after) {
    return (
      <p className="mt-2 font-sans text-sm">
        <span className="font-semibold">Test applied: </span>
        {after} <span className="text-muted">(unchanged)</span>
      </p>
    );
  }
  return (
    <p className="mt-2 font-sans text-sm">
      <span className="font-semibold">Test applied changed: </span>
      <del className="line-through decoration-2">
        <span className="sr-only">[removed: </span>
        {before}
        <span className="sr-only">]</span>
      </del>{" "}
      →{" "}
      <ins className="underline decoration-2 underline-offset-2">
        <span className="sr-only">[added: </span>
        {after}
        <span className="sr-only">]</span>
      </ins>
    </p>
  );
}
