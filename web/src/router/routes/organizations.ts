import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '@/stores/session';

/** /app/<section> entries of the side navigation open the current organization's page. */
export function toCurrentOrganization(suffix = ''): () => RouteLocationRaw {
  return () => {
    const id = useSessionStore().currentOrganization?.id;
    return id ? `/app/organizations/${id}${suffix}` : '/app';
  };
}

/** Children of /app. */
export const organizationRoutes: RouteRecordRaw[] = [
  {
    path: 'organizations',
    redirect: toCurrentOrganization(),
    meta: { navKey: 'organizations.nav', navIcon: 'organizations' },
  },
  {
    path: 'organizations/:id(\\d+)',
    name: 'organization',
    component: () => import('@/views/organizations/index.vue'),
    meta: { titleKey: 'organizations.title' },
  },
];
