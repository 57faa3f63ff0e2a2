import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Public pages (phone first, no account needed): the catalog and a service's page. */
export const servicesPublicRoutes: RouteRecordRaw[] = [
  { path: '/services', name: 'services-catalog', component: () => import('@/views/services/catalog.vue'), meta: { titleKey: 'services.catalog.title' } },
  { path: '/services/:id(\\d+)', name: 'service', component: () => import('@/views/services/detail.vue'), meta: { titleKey: 'services.catalog.title' } },
];

/** Children of /app. */
export const servicesRoutes: RouteRecordRaw[] = [
  {
    path: 'services',
    redirect: toCurrentOrganization('/services'),
    meta: { navKey: 'services.nav', navIcon: 'organizations', can: 'services.read' },
  },
  {
    path: 'organizations/:id(\\d+)/services',
    name: 'services',
    component: () => import('@/views/services/list.vue'),
    meta: { titleKey: 'services.title' },
  },
  {
    path: 'organizations/:id(\\d+)/applications',
    name: 'service-applications',
    component: () => import('@/views/services/applications.vue'),
    meta: { titleKey: 'services.inbox.title' },
  },
  {
    path: 'services/applications/:aid(\\d+)',
    name: 'service-application',
    component: () => import('@/views/services/application.vue'),
    meta: { titleKey: 'services.application.title' },
  },
  {
    path: 'services/:sid(\\d+)/questions',
    name: 'service-questions',
    component: () => import('@/views/services/questions.vue'),
    meta: { titleKey: 'services.builder.title' },
  },
  {
    path: 'services/sessions/:sid(\\d+)/attendance',
    name: 'service-attendance',
    component: () => import('@/views/services/attendance.vue'),
    meta: { titleKey: 'services.attendance.title' },
  },
  {
    path: 'organizations/:id(\\d+)/satisfaction',
    name: 'service-satisfaction',
    component: () => import('@/views/services/satisfaction.vue'),
    meta: { titleKey: 'services.satisfaction.title' },
  },
  {
    path: 'services/my-applications',
    name: 'my-applications',
    component: () => import('@/views/services/mine.vue'),
    meta: { titleKey: 'services.mine.title', navKey: 'services.mine.nav', navIcon: 'organizations' },
  },
];
