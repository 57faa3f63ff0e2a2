import type { RouteRecordRaw } from 'vue-router';

export const sessionRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/session/login.vue'),
    meta: { titleKey: 'session.login.title', guestOnly: true },
  },
];

/** Children of /app: the account's own pages, reached from the account menu. */
export const accountRoutes: RouteRecordRaw[] = [
  {
    path: 'account/security',
    name: 'account-security',
    component: () => import('@/views/session/security.vue'),
    meta: { titleKey: 'session.security.title' },
  },
];
