// Keeps the screen on while a session runs, re-acquiring the lock when the
// page becomes visible again (browsers release it when the page is hidden).
export function holdScreenWakeLock(): () => void {
  let sentinel: WakeLockSentinel | null = null;
  let released = false;
  const acquire = async () => {
    if (released || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
    try {
      const acquired = await navigator.wakeLock.request('screen');
      if (released)
        void acquired.release(); // the screen was left while the request was pending
      else sentinel = acquired;
    } catch {
      sentinel = null; // Not allowed (battery saver, permissions): the session still runs.
    }
  };
  const onVisibility = () => void acquire();
  document.addEventListener('visibilitychange', onVisibility);
  void acquire();
  return () => {
    released = true;
    document.removeEventListener('visibilitychange', onVisibility);
    void sentinel?.release();
  };
}
