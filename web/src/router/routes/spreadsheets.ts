import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Children of /app. */
export const spreadsheetRoutes: RouteRecordRaw[] = [
  {
    path: 'import',
    redirect: toCurrentOrganization('/import'),
    meta: { navKey: 'spreadsheets.nav', navIcon: 'import', can: 'spreadsheets.import' },
  },
  {
    path: 'organizations/:id(\\d+)/import',
    name: 'import',
    component: () => import('@/views/spreadsheets/import.vue'),
    meta: { titleKey: 'spreadsheets.import.title' },
  },
];
