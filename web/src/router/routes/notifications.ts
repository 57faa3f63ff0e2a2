import type { RouteRecordRaw } from 'vue-router';

/** Children of /app. */
export const notificationRoutes: RouteRecordRaw[] = [
  {
    path: 'notifications',
    name: 'notifications',
    component: () => import('@/views/notifications/index.vue'),
    meta: { titleKey: 'notifications.title' },
  },
];
