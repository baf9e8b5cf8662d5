import { currentTotp } from '../core/auth/totp.js';

/** Prints the current two-factor code of a secret (for the demo staff accounts). */
const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
  console.error('Usage: npm run totp -- <base32 secret>');
  process.exit(1);
}
console.log(currentTotp(secret.toUpperCase()));
