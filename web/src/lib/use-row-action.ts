import { useState } from 'react';

/**
 * Runs actions on table rows one at a time: `busy` is the id of the row whose action runs (for its spinner);
 * the error, or null when an action starts, goes to `onError`.
 */
export function useRowAction(onError: (error: unknown) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, action: () => Promise<void>) => {
    setBusy(id);
    onError(null);
    try {
      await action();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
