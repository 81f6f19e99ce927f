// What the person is told when the device runs out of storage mid-session:
// that the session cannot be saved, how many logged events have not reached
// the clinic's server yet (they stay on the device; nothing is dropped), and
// what to do. The count comes from sync, when this device syncs.
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../app.js';
import { messages } from '../messages.js';

const t = messages.errors;

export function StorageFullNotice() {
  const services = useServices();
  const [unsynced, setUnsynced] = useState<number | null>(null);
  useEffect(() => {
    void services.sync?.view().then((view) => {
      if ('waiting' in view) setUnsynced(view.waiting);
    });
  }, [services]);
  return (
    <p class="notice error" role="alert">
      {t.storageFull} {unsynced === null ? t.storageFullKept : t.storageFullUnsynced(unsynced)}
    </p>
  );
}
