import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Children of /app. */
export const __moduleCamel__Routes: RouteRecordRaw[] = [
  {
    path: '__MODULE__',
    redirect: toCurrentOrganization('/__MODULE__'),
    meta: { navKey: '__MODULE__.nav', navIcon: 'organizations', can: '__MODULE__.read' },
  },
  {
    path: 'organizations/:id(\\d+)/__MODULE__',
    name: '__MODULE__',
    component: () => import('@/views/__MODULE__/list.vue'),
    meta: { titleKey: '__MODULE__.title' },
  },
];
