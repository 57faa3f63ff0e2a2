import type { RouteRecordRaw } from 'vue-router';

/** Public pages: the project list and page (phone first) and the QR scan landing page. */
export const volunteeringPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/volunteer',
    name: 'volunteer-projects',
    component: () => import('@/views/volunteering/projects/list.vue'),
    meta: { titleKey: 'volunteering.projects.title' },
  },
  {
    path: '/volunteer/projects/:id(\\d+)',
    name: 'volunteer-project',
    component: () => import('@/views/volunteering/projects/detail.vue'),
    meta: { titleKey: 'volunteering.projects.title' },
  },
  {
    // Opened by the phone camera from the leader's QR code; guests log in and come back.
    path: '/volunteer/scan',
    name: 'volunteer-scan',
    component: () => import('@/views/volunteering/scan/index.vue'),
    meta: { titleKey: 'volunteering.scan.title', requiresAuth: true },
  },
];

/** Children of /app. */
export const volunteeringRoutes: RouteRecordRaw[] = [
  {
    path: 'volunteering/my-shifts',
    name: 'volunteer-my-shifts',
    component: () => import('@/views/volunteering/shifts/list.vue'),
    meta: { titleKey: 'volunteering.myShifts.title', navKey: 'volunteering.nav.myShifts', navIcon: 'volunteer', needsPerson: true },
  },
  {
    path: 'volunteering/my-hours',
    name: 'volunteer-my-hours',
    component: () => import('@/views/volunteering/hours/list.vue'),
    meta: { titleKey: 'volunteering.myHours.title', navKey: 'volunteering.nav.myHours', navIcon: 'volunteer', needsPerson: true },
  },
  {
    path: 'volunteering/manage',
    name: 'volunteer-manage',
    component: () => import('@/views/volunteering/manage/list.vue'),
    meta: { titleKey: 'volunteering.manage.title', navKey: 'volunteering.nav.manage', navIcon: 'volunteer', area: 'volunteering.lead' },
  },
  {
    path: 'volunteering/teams',
    name: 'volunteer-teams',
    component: () => import('@/views/volunteering/teams/list.vue'),
    meta: { titleKey: 'volunteering.teams.title', navKey: 'volunteering.nav.teams', navIcon: 'volunteer' },
  },
  {
    path: 'volunteering/shifts/:id(\\d+)',
    name: 'volunteer-roster',
    component: () => import('@/views/volunteering/roster/list.vue'),
    meta: { titleKey: 'volunteering.roster.title' },
  },
  {
    path: 'volunteering/approvals',
    name: 'volunteer-approvals',
    component: () => import('@/views/volunteering/approvals/list.vue'),
    meta: { titleKey: 'volunteering.approvals.title', navKey: 'volunteering.nav.approvals', navIcon: 'volunteer', area: 'volunteering.lead' },
  },
  {
    path: 'volunteering/rankings',
    name: 'volunteer-rankings',
    component: () => import('@/views/volunteering/rankings/list.vue'),
    meta: { titleKey: 'volunteering.rankings.title', navKey: 'volunteering.nav.rankings', navIcon: 'volunteer' },
  },
];
