import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Children of /app. */
export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'audit',
    redirect: toCurrentOrganization('/audit'),
    meta: { navKey: 'audit.nav', navIcon: 'audit', can: 'audit.read' },
  },
  {
    path: 'organizations/:id(\\d+)/audit',
    name: 'audit',
    component: () => import('@/views/audit/list.vue'),
    meta: { titleKey: 'audit.title' },
  },
];
