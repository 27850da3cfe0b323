const DAY_MS = 86_400_000;
// Formatting dates is a hot path when generating a million wires: remember each day's text.
const formatted = new Map<number, string>();

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD date. */
export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function formatDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

/** ISO timestamp of a day number plus seconds into that day. */
export function formatInstant(day: number, seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${formatDay(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds % 60)}.000Z`;
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
