/** How long sessions live. A session ends at whichever comes first: idle expiry or absolute expiry. */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A session unused for this long ends. */
export const SESSION_IDLE_MS = 12 * HOUR;

/** No session lives longer than this, however busy: a stolen cookie stops working within a week. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * HOUR;

/** The idle expiry moves forward at most this often, so that reading pages does not write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 5 * MINUTE;
