import { useEffect, useRef, useState } from 'react';

/**
 * The text of a search box that lives in the URL (`?q=`): typed text is written there after a 300 ms pause, through
 * `replace` so typing does not flood the history. Returns the box's value and its setter.
 */
export function useSearchText(inUrl: string | undefined, writeToUrl: (q: string | undefined) => void): [string, (text: string) => void] {
  const [text, setText] = useState(inUrl ?? '');
  const write = useRef(writeToUrl);
  write.current = writeToUrl;
  useEffect(() => {
    const handle = window.setTimeout(() => {
      const q = text.trim() || undefined;
      if (q !== inUrl) write.current(q);
    }, 300);
    return () => window.clearTimeout(handle);
  }, [text, inUrl]);
  return [text, setText];
}
