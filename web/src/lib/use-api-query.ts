import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api.js';

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
  setData: (update: T | ((previous: T | undefined) => T | undefined)) => void;
}

/**
 * GETs `path` (relative to /api/v1) and keeps the answer; refetches when `path` changes.
 * `null` skips the request. The previous data stays visible while the next one loads.
 */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setIsLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const lastPath = useRef<string | null>(null);

  useEffect(() => {
    if (path === null) {
      setIsLoading(false);
      return;
    }
    const controller = new AbortController();
    if (lastPath.current !== path) setError(null);
    lastPath.current = path;
    setIsLoading(true);
    api
      .get<T>(path, { signal: controller.signal })
      .then((answer) => {
        setData(answer);
        setError(null);
        setIsLoading(false);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause);
        setIsLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const update = useCallback((next: T | ((previous: T | undefined) => T | undefined)) => {
    setData((previous) => (typeof next === 'function' ? (next as (p: T | undefined) => T | undefined)(previous) : next));
  }, []);

  return { data, error, isLoading, reload, setData: update };
}
