import type { LocationQueryValue, Router } from 'vue-router';
import { useSessionStore } from '@/stores/session';

export const APP_HOME = '/app';

/** Only same-origin paths are followed after login (no open redirects). */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== 'string') return APP_HOME;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return APP_HOME;
  }
  return candidate;
}

export function installGuard(router: Router): void {
  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.ensureLoaded();
    if (to.matched.some((r) => r.meta.requiresAuth) && !session.isAuthenticated) {
      return { name: 'login', query: { redirect: to.fullPath } };
    }
    if (to.meta.guestOnly && session.isAuthenticated) {
      return safeRedirect(to.query.redirect);
    }
    return true;
  });
}
