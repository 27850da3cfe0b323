export type ProgressReporter = {
  update(done: number): void;
  /** Ends the progress display (the TTY line gets its newline): call it before printing anything else. */
  finish(): void;
};

type Stream = { write(text: string): unknown; isTTY?: boolean; columns?: number };

const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 10_000;

/**
 * On a terminal: one line redrawn in place (bar, count, rate, ETA). Elsewhere (CI logs, files):
 * a plain line every ten seconds and at the end. Call update(0) when the work starts.
 */
export function createProgressReporter(stream: Stream, total: number, label = "wires"): ProgressReporter {
  // The clock starts at the first update, so the rate counts the writing, not the setup before it.
  let started = 0;
  let lastDraw = 0;
  let drawn = false;
  let latest = -1;
  const line = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && done < total ? ` · ETA ${duration((total - done) / rate)}` : "";
    const counts = `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")} ${label} · ${Math.round(rate).toLocaleString("en-US")}/s${eta}`;
    const percent = `${((done / total) * 100).toFixed(1).padStart(5)}%`;
    return { counts, percent, fraction: done / total };
  };
  const draw = (done: number, force: boolean) => {
    const now = performance.now();
    if (!force && now - lastDraw < (stream.isTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
    lastDraw = now;
    const { counts, percent, fraction } = line(done);
    if (!stream.isTTY) {
      stream.write(`${percent} ${counts}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - counts.length - 12));
    const filled = Math.round(fraction * width);
    stream.write(`\r\x1b[2K[${"#".repeat(filled)}${".".repeat(width - filled)}] ${percent} ${counts}`);
    drawn = true;
  };
  return {
    update(done) {
      if (latest < 0) {
        started = performance.now();
        // Plain lines start ten seconds in; a terminal shows the empty bar at once.
        if (!stream.isTTY) lastDraw = started;
      }
      latest = done;
      draw(done, done >= total);
    },
    finish() {
      if (stream.isTTY) {
        if (drawn) stream.write("\n");
        drawn = false;
      } else if (latest >= 0 && latest < total) draw(latest, true);
    },
  };
}

function duration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m ${String(whole % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}
