import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

type Db = Pick<PrismaClient, "$executeRaw">;

/**
 * After a successful sign-in: the account's count starts over, and the address gets back the one
 * attempt the success used. The address's earlier failures stay counted, so that knowing one
 * password does not reset the limit on guessing others from the same place.
 */
export async function releaseSignInAttempts(db: Db, keys: { account: string; address: string | null }): Promise<void> {
  await db.$executeRaw`DELETE FROM sign_in_throttle WHERE key = ${keys.account}`;
  if (keys.address === null) return;
  await db.$executeRaw`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${keys.address}`;
}
