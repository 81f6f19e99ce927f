// Re-renders the caller every `intervalMs` with the current time from `read`.
import { useEffect, useState } from 'preact/hooks';

export function useNow(intervalMs: number, read: () => number): number {
  const [now, setNow] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setNow(read()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
