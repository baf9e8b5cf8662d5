import type { JourneyContext } from '../run.js';
export async function adminInvitesDostOfficer(_: JourneyContext): Promise<void> {
  throw new Error('journey not written yet');
}
