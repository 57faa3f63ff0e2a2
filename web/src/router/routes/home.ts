import type { RouteRecordRaw } from 'vue-router';

/** Children of /app. */
export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/home/index.vue'),
    meta: { titleKey: 'home.title', navKey: 'shell.nav.home', navIcon: 'home' },
  },
];
