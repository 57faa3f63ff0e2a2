import type { RouteRecordRaw } from 'vue-router';

export const sessionRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/session/login.vue'),
    meta: { titleKey: 'session.login.title', guestOnly: true },
  },
];
