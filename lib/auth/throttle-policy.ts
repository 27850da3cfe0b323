const MINUTE = 60_000;

export type ThrottleRule = {
  /** Attempts allowed per window; the next one is refused and starts the lock. */
  maxAttempts: number;
  windowMs: number;
  lockMs: number;
};

/** Per account: 5 tries in 15 minutes, then a 15-minute pause. Guessing one editor's password stays slow. */
export const ACCOUNT_RULE: ThrottleRule = { maxAttempts: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** Per client address: 20 tries in 15 minutes across all accounts, against one source trying many accounts. */
export const ADDRESS_RULE: ThrottleRule = { maxAttempts: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export function accountKey(email: string): string {
  return `account:${email}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}
