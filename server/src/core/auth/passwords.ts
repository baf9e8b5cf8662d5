import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2 Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;
import { createRequire } from 'node:module';
import { AppError } from '../errors.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// Passwords Vietnamese users pick often that the international list misses.
const LOCAL_COMMON = [
  'matkhau', 'matkhau1', 'matkhau123', 'matkhau@123', 'anhyeuem', 'anhyeuem1', 'anhyeuem123', 'emyeuanh', 'emyeuanh123',
  'haiphong', 'haiphong1', 'haiphong123', 'vietnam1', 'vietnam123', 'vietnam@123', 'hanoi123', 'saigon123', '12345678a',
  'abc@12345', 'admin@123', 'admin123456', 'khongbiet', 'iloveyou123', 'congnghe123', 'doanhnghiep', 'sokhcn123',
];

let commonPasswords: Set<string> | undefined;
function common(): Set<string> {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url);
    const list = (require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> }).dictionary['passwords-common'] ?? [];
    commonPasswords = new Set([...list, ...LOCAL_COMMON].map((p) => p.toLowerCase()));
  }
  return commonPasswords;
}

/**
 * Password policy per ASVS 5.0 6.2.x: at least 8 characters, long passphrases allowed, no composition rules,
 * refused when on the common-password list or when it contains the e-mail's local part. Checked exactly as typed.
 */
export function assertPasswordAcceptable(password: string, email?: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw new AppError('PASSWORD_TOO_SHORT', { min: PASSWORD_MIN_LENGTH, field: 'password' });
  if (length > PASSWORD_MAX_LENGTH) throw new AppError('PASSWORD_TOO_LONG', { max: PASSWORD_MAX_LENGTH, field: 'password' });
  if (common().has(password.toLowerCase())) throw new AppError('PASSWORD_TOO_COMMON', { field: 'password' });
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    throw new AppError('PASSWORD_CONTAINS_EMAIL', { field: 'password' });
  }
}

export interface HashCost {
  memoryCost: number;
  timeCost: number;
}

export function hashPassword(password: string, cost: HashCost): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real verification when no account matches, so timing reveals nothing. */
export async function verifyAgainstDummy(password: string, cost: HashCost): Promise<false> {
  dummy ??= hashPassword('dummy-password-for-timing-equalisation', cost);
  await verifyPassword(await dummy, password);
  return false;
}
