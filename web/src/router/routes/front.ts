import type { RouteRecordRaw } from 'vue-router';

export const frontRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'front',
    component: () => import('@/views/front/index.vue'),
    meta: { titleKey: 'common.appTagline' },
  },
];
