import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** The invitation link a cadre shares (the QR code encodes it): logged in, it opens 我的团干部. */
export const cadresPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/invite/:token',
    redirect: (to) => ({ path: '/app/my-cadres', query: { invite: String(to.params.token) } }),
  },
];

/**
 * Children of /app. The cadre's own pages need `cadres.work` and an open cadre position: the
 * workbench's area `cadres.work` (the server counts cadre work only for a cadre).
 */
export const cadresRoutes: RouteRecordRaw[] = [
  {
    path: 'cadres',
    name: 'cadres-workspace',
    component: () => import('@/views/cadres/index.vue'),
    meta: { titleKey: 'cadres.workspace.title', navKey: 'cadres.nav.workspace', navIcon: 'people', can: 'cadres.work', area: 'cadres.work' },
  },
  {
    path: 'my-cadres',
    name: 'my-cadres',
    component: () => import('@/views/cadres/mine.vue'),
    meta: { titleKey: 'cadres.mine.title', navKey: 'cadres.nav.mine', navIcon: 'people' },
  },
  {
    path: 'cadres-dashboard',
    redirect: toCurrentOrganization('/cadres'),
    meta: { navKey: 'cadres.nav.dashboard', navIcon: 'organizations', can: 'cadres.dashboard' },
  },
  {
    path: 'my-postings',
    name: 'cadres-my-postings',
    component: () => import('@/views/cadres/my-postings.vue'),
    meta: { titleKey: 'cadres.postings.mineTitle', navKey: 'cadres.nav.myPostings', navIcon: 'calendar', can: 'cadres.work', area: 'cadres.work' },
  },
  {
    path: 'cadres-postings',
    redirect: toCurrentOrganization('/cadres-postings'),
    meta: { navKey: 'cadres.nav.postings', navIcon: 'organizations', can: 'cadres.dashboard' },
  },
  {
    path: 'organizations/:id(\\d+)/cadres-postings',
    name: 'cadres-postings',
    component: () => import('@/views/cadres/postings.vue'),
    meta: { titleKey: 'cadres.postings.title' },
  },
  {
    path: 'my-units',
    name: 'cadres-my-units',
    component: () => import('@/views/cadres/my-units.vue'),
    meta: { titleKey: 'cadres.units.mineTitle', navKey: 'cadres.nav.myUnits', navIcon: 'organizations', can: 'cadres.work', area: 'cadres.work' },
  },
  {
    path: 'cadres-confirmations',
    redirect: toCurrentOrganization('/cadres-confirmations'),
    meta: { navKey: 'cadres.nav.confirmations', navIcon: 'organizations', can: 'cadres.confirm' },
  },
  {
    path: 'organizations/:id(\\d+)/cadres-confirmations',
    name: 'cadres-confirmations',
    component: () => import('@/views/cadres/unit-confirmations.vue'),
    meta: { titleKey: 'cadres.units.queueTitle' },
  },
  {
    path: 'cadres-served-units',
    redirect: toCurrentOrganization('/cadres-served-units'),
    meta: { navKey: 'cadres.nav.servedUnits', navIcon: 'organizations', can: 'cadres.dashboard' },
  },
  {
    path: 'organizations/:id(\\d+)/cadres-served-units',
    name: 'cadres-served-units',
    component: () => import('@/views/cadres/served-units.vue'),
    meta: { titleKey: 'cadres.units.title' },
  },
  {
    path: 'organizations/:id(\\d+)/cadres',
    name: 'cadres-dashboard',
    component: () => import('@/views/cadres/dashboard.vue'),
    meta: { titleKey: 'cadres.dashboard.title' },
  },
];
