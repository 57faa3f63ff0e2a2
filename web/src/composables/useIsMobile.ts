import { onBeforeUnmount, ref, type Ref } from 'vue';

/** Below this width the shell uses a drawer and lists become cards. */
export const MOBILE_QUERY = '(max-width: 767.98px)';

export function useIsMobile(): Ref<boolean> {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(MOBILE_QUERY) : null;
  const isMobile = ref(query?.matches ?? false);
  const update = (event: MediaQueryListEvent) => {
    isMobile.value = event.matches;
  };
  query?.addEventListener('change', update);
  onBeforeUnmount(() => query?.removeEventListener('change', update));
  return isMobile;
}
