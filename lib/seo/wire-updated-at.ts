/** When a wire last changed: the later of the wire's and its rationale's update, never before filing (as the feeds date entries). */
export function wireUpdatedAt(wire: { publishedAt: string; updatedAt: string; rationale: { updatedAt: string } | null }): string {
  const times = [wire.publishedAt, wire.updatedAt, wire.rationale?.updatedAt].filter((time): time is string => Boolean(time));
  return new Date(Math.max(...times.map((time) => Date.parse(time)))).toISOString();
}
