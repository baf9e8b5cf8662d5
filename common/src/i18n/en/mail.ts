import type { mail as vi } from '../vi/mail.js';

export const mail: typeof vi = {
  signature: 'Hải Phòng Technology Transfer Platform',
  verifyEmail: {
    subject: 'Verify your e-mail address',
    body: 'Hello {{name}},\n\nThank you for signing up. Please open this link to verify your e-mail address (valid for {{hours}} hours):\n{{link}}\n\nIf you did not sign up, ignore this e-mail.',
  },
  signUpExisting: {
    subject: 'Someone tried to sign up with your e-mail address',
    body: 'Hello,\n\nSomeone just used this e-mail address to sign up, but it already has an account. If it was you, sign in or reset your password at:\n{{link}}\n\nIf it was not you, ignore this e-mail.',
  },
  passwordReset: {
    subject: 'Reset your password',
    body: 'Hello {{name}},\n\nWe received a request to reset your password. Open this link to choose a new one (valid for {{minutes}} minutes, single use):\n{{link}}\n\nIf you did not ask for this, ignore this e-mail; your password stays the same.',
  },
  invitation: {
    subject: 'Invitation to the Hải Phòng Technology Transfer Platform',
    body: 'Hello,\n\n{{inviter}} invites you to join the platform as "{{role}}"{{organisation}}. Open this link to create your account (valid for {{days}} days):\n{{link}}',
  },
  accountLocked: {
    subject: 'Warning: several failed sign-ins',
    body: 'Hello {{name}},\n\nYour account just had {{count}} failed sign-ins in a row, so sign-in is paused for {{minutes}} minutes. If this was not you, change your password and tell an administrator.',
  },
  notification: {
    subject: '{{title}}',
    body: 'Hello {{name}},\n\n{{body}}\n\nOpen on the platform: {{url}}',
  },
  savedSearchDigest: {
    subject: 'Saved search "{{searchName}}": {{count}} new listings',
    body: 'Hello {{name}},\n\n{{count}} new listings on the Technology Exchange match your saved search "{{searchName}}":\n\n{{items}}{{more}}\nSee all results: {{searchUrl}}\n\nYou receive this {{frequency}} digest because you subscribed to this search. Unsubscribe from this search (one click): {{unsubscribeUrl}}\nManage your saved searches: {{manageUrl}}',
    frequency: { daily: 'daily', weekly: 'weekly' },
    more: '… and {{count}} more.\n',
  },
};
