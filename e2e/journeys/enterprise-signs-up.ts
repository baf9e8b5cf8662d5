import type { JourneyContext } from '../run.js';
export async function enterpriseSignsUpAndInvites(_: JourneyContext): Promise<void> {
  throw new Error('journey not written yet');
}
