import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Children of /app. */
export const cadresRoutes: RouteRecordRaw[] = [
  {
    path: 'cadres',
    redirect: toCurrentOrganization('/cadres'),
    meta: { navKey: 'cadres.nav', navIcon: 'organizations', can: 'cadres.read' },
  },
  {
    path: 'organizations/:id(\\d+)/cadres',
    name: 'cadres',
    component: () => import('@/views/cadres/list.vue'),
    meta: { titleKey: 'cadres.title' },
  },
];
