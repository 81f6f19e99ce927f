// A screen whose code loads only when it is first shown, so the first screen
// stays small. The loaded component is kept for later visits; while it
// loads, a short line says so, and if it cannot load, the person is told.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  words: { loading: string; failed: string },
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      load().then(
        (found) => {
          loaded = found;
          setComponent(() => found);
        },
        () => setFailed(true),
      );
    }, []);
    const Component = component;
    if (Component) return <Component {...props} />;
    return (
      <main class="screen">
        <p class={failed ? 'notice error' : 'hint'} role={failed ? 'alert' : 'status'}>
          {failed ? words.failed : words.loading}
        </p>
      </main>
    );
  };
}
