// Password rules per NIST SP 800-63B §5.1.1.2: at least 12 characters here (the guideline's
// minimum is 8; the issue asks for 12), up to 256, any Unicode (NFKC-normalised), no composition
// rules, and refused when it is a known common/breached password, repetitive or sequential, or
// built from context words (the email, the person's name, the service name). Hashing: argon2id.
import argon2 from 'argon2';
import { commonPasswords } from './common-passwords.js';

export const MIN_LENGTH = 12;
export const MAX_LENGTH = 256;

export type PasswordReason = 'too-short' | 'too-long' | 'common' | 'repetitive' | 'sequential' | 'contains-personal-info';

export interface PasswordContext {
  email?: string;
  names?: string[];
}

const SERVICE_WORDS = ['portico', 'patientportal', 'portal'];
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];

export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function isRepetitive(p: string): boolean {
  // One short unit repeated ("aaaaaaaaaaaa", "abcabcabcabc", "121212121212").
  for (let unit = 1; unit <= 4; unit++) {
    if (p.length % unit === 0 && p.length / unit >= 3 && p === p.slice(0, unit).repeat(p.length / unit)) return true;
  }
  return new Set(p).size <= 3;
}

function isSequential(p: string): boolean {
  const lower = p.toLowerCase();
  for (const seq of SEQUENCES) {
    const both = seq + seq;
    const reversed = [...both].reverse().join('');
    if (both.includes(lower) || reversed.includes(lower)) return true;
  }
  return false;
}

/** The password with leading/trailing digits and symbols removed, lower-cased: "Password2024!" → "password". */
function core(p: string): string {
  return p.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function isCommon(p: string): boolean {
  const list = commonPasswords();
  const lower = p.toLowerCase();
  if (list.has(lower)) return true;
  // "password123456", "Dragon!!!!!!!": a listed password padded with digits and symbols.
  const c = core(p);
  if (c.length > 0 && c.length < p.length && list.has(c) && c.length < MIN_LENGTH) return true;
  // Two listed passwords glued together ("iloveyou123456" = "iloveyou" + "123456").
  for (let i = 4; i <= lower.length - 4; i++) {
    if (list.has(lower.slice(0, i)) && list.has(lower.slice(i))) return true;
  }
  // Leetspeak spellings of listed words ("P@ssw0rd12345").
  const unleet = lower.replace(/[@4]/g, 'a').replace(/3/g, 'e').replace(/[1!|]/g, 'i').replace(/0/g, 'o').replace(/[$5]/g, 's').replace(/7/g, 't');
  return unleet !== lower && (list.has(unleet) || list.has(core(unleet)));
}

function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(SERVICE_WORDS);
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local) for (const part of [local, ...local.split(/[._+-]/)]) if (part.length >= 4) words.add(part);
  for (const name of context.names ?? []) {
    for (const part of name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/[\s'-]+/)) if (part.length >= 4) words.add(part);
  }
  return [...words];
}

/** Why a password is refused (empty when it is acceptable). */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordReason[] {
  const p = normalizePassword(password);
  const length = [...p].length;
  const reasons: PasswordReason[] = [];
  if (length < MIN_LENGTH) reasons.push('too-short');
  if (length > MAX_LENGTH) reasons.push('too-long');
  if (isCommon(p)) reasons.push('common');
  if (isRepetitive(p)) reasons.push('repetitive');
  else if (isSequential(p)) reasons.push('sequential');
  const folded = p.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  // Context words make the password weak when what is left besides them is short.
  const words = contextWords(context).filter((w) => folded.includes(w));
  const rest = words.reduce((left, w) => left.split(w).join(''), folded);
  if (words.length && rest.length < 8) reasons.push('contains-personal-info');
  return reasons;
}

const REASON_TEXT: Record<PasswordReason, string> = {
  'too-short': `Use at least ${MIN_LENGTH} characters.`,
  'too-long': `Use at most ${MAX_LENGTH} characters.`,
  common: 'This password is too common or has appeared in data breaches.',
  repetitive: 'Avoid repeated characters or patterns.',
  sequential: 'Avoid sequences such as "abcdef" or "123456".',
  'contains-personal-info': 'Avoid your name, your email address or the name of this service.',
};

export function describeReasons(reasons: PasswordReason[]): string {
  return reasons.map((r) => REASON_TEXT[r]).join(' ') + (reasons.length ? ' A few unrelated words make a strong, memorable password.' : '');
}

// argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane).
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalizePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, normalizePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of one verification, so an unknown email answers as slowly as a wrong password. */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('portico dummy password for timing');
  await verifyPassword(await dummyHash, password);
}
