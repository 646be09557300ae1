import { argon2id, hash, verify } from 'argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

let unusedHash: Promise<string> | undefined;

/**
 * Spends the time of a real check when there is no account, so that the answer's delay does
 * not tell which emails have accounts.
 */
export async function verifyNothing(password: string): Promise<false> {
  unusedHash ??= hashPassword('no account has this password');
  await verify(await unusedHash, password);
  return false;
}
