import type { z } from 'zod';
import type * as registration from '../../../../common/src/api/contract-registration.js';
import { api } from '../../lib/api.js';

export { CHECK_TRANSFER_FORMS } from '../../../../common/src/api/contract-registration.js';
export { CLASSIFY_TEXT_MAX as DESCRIPTION_MAX } from '../../../../common/src/api/classification.js';
export { POLICY_DECIDERS, TRANSFER_DIRECTIONS } from '../../../../common/src/api/legal-rules.js';

export type RegistrationCheckRequest = z.input<typeof registration.RegistrationCheckRequest>;
export type RegistrationCheckResult = z.infer<typeof registration.RegistrationCheckResult>;
export type Citation = z.infer<typeof registration.Citation>;

export function checkRegistration(body: RegistrationCheckRequest, signal?: AbortSignal): Promise<RegistrationCheckResult> {
  return api.post<RegistrationCheckResult>('/registration-check', body, { signal });
}
