import { Secret, TOTP } from 'otpauth';

const ISSUER = 'CGCN Hai Phong';
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/**
 * Checks a 6-digit code with one step of clock skew (ASVS 6.5.5) and returns the accepted time step, or null.
 * The caller refuses a step not greater than the last one used (single use, ASVS 6.5.1).
 */
export function acceptTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const delta = totpFor(secret, 'check').validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** For tests and the demo: the current code of a secret. */
export function currentTotp(secret: string, now = Date.now()): string {
  return totpFor(secret, 'demo').generate({ timestamp: now });
}
