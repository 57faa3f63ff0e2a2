import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Public pages (phone first, no account needed): the venues and a venue's week. */
export const venuesPublicRoutes: RouteRecordRaw[] = [
  { path: '/venues', name: 'venues-public', component: () => import('@/views/venues/public.vue'), meta: { titleKey: 'venues.public.title' } },
  { path: '/venues/:id(\\d+)', name: 'venue', component: () => import('@/views/venues/detail.vue'), meta: { titleKey: 'venues.public.title' } },
];

/** Children of /app. */
export const venuesRoutes: RouteRecordRaw[] = [
  {
    path: 'venues',
    redirect: toCurrentOrganization('/venues'),
    meta: { navKey: 'venues.nav', navIcon: 'organizations', can: 'venues.read' },
  },
  {
    path: 'organizations/:id(\\d+)/venues',
    name: 'venues',
    component: () => import('@/views/venues/list.vue'),
    meta: { titleKey: 'venues.title' },
  },
  {
    path: 'organizations/:id(\\d+)/bookings',
    name: 'venue-bookings',
    component: () => import('@/views/venues/bookings.vue'),
    meta: { titleKey: 'venues.bookings.title' },
  },
  {
    path: 'venues/:id(\\d+)/manage',
    name: 'venue-manage',
    component: () => import('@/views/venues/manage.vue'),
    meta: { titleKey: 'venues.manage.title' },
  },
  {
    path: 'venues/:id(\\d+)/check-in',
    name: 'venue-check-in',
    component: () => import('@/views/venues/checkin.vue'),
    meta: { titleKey: 'venues.checkIn.title' },
  },
  {
    path: 'venues/my-bookings',
    name: 'my-bookings',
    component: () => import('@/views/venues/mine.vue'),
    meta: { titleKey: 'venues.mine.title', navKey: 'venues.mine.nav', navIcon: 'organizations' },
  },
];
