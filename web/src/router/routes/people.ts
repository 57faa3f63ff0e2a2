import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Children of /app. */
export const peopleRoutes: RouteRecordRaw[] = [
  {
    path: 'people',
    redirect: toCurrentOrganization('/people'),
    meta: { navKey: 'people.nav', navIcon: 'people', can: 'people.list' },
  },
  {
    path: 'transfers',
    redirect: toCurrentOrganization('/transfers'),
    meta: { navKey: 'people.transfers.nav', navIcon: 'transfers', can: 'people.transfers' },
  },
  {
    path: 'corrections',
    redirect: toCurrentOrganization('/corrections'),
    meta: { navKey: 'people.corrections.nav', navIcon: 'people', can: 'people.corrections' },
  },
  {
    path: 'organizations/:id(\\d+)/corrections',
    name: 'corrections',
    component: () => import('@/views/people/corrections.vue'),
    meta: { titleKey: 'people.corrections.title' },
  },
  {
    path: 'organizations/:id(\\d+)/people',
    name: 'people',
    component: () => import('@/views/people/list.vue'),
    meta: { titleKey: 'people.list.title' },
  },
  {
    path: 'organizations/:id(\\d+)/transfers',
    name: 'transfers',
    component: () => import('@/views/people/transfers.vue'),
    meta: { titleKey: 'people.transfers.title' },
  },
  {
    path: 'people/:id(\\d+)',
    name: 'person',
    component: () => import('@/views/people/person.vue'),
    meta: { titleKey: 'people.person.title' },
  },
];
