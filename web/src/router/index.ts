import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import { installGuard } from './guard';
import { auditRoutes } from './routes/audit';
import { frontRoutes } from './routes/front';
import { homeRoutes } from './routes/home';
import { cadresPublicRoutes, cadresRoutes } from './routes/cadres';
import { publishingRoutes } from './routes/publishing';
import { servicesPublicRoutes, servicesRoutes } from './routes/services';
import { venuesPublicRoutes, venuesRoutes } from './routes/venues';
import { notificationRoutes } from './routes/notifications';
import { organizationRoutes } from './routes/organizations';
import { peopleRoutes } from './routes/people';
import { accountRoutes, sessionRoutes } from './routes/session';
import { spreadsheetRoutes } from './routes/spreadsheets';
import { volunteeringPublicRoutes, volunteeringRoutes } from './routes/volunteering';

export const routes: RouteRecordRaw[] = [
  ...frontRoutes,
  ...sessionRoutes,
  ...volunteeringPublicRoutes,
  ...cadresPublicRoutes,
  ...servicesPublicRoutes,
  ...venuesPublicRoutes,
  {
    path: '/app',
    component: () => import('@/layouts/AppLayout.vue'),
    meta: { requiresAuth: true },
    children: [...homeRoutes, ...accountRoutes, ...cadresRoutes, ...publishingRoutes, ...servicesRoutes, ...venuesRoutes, ...notificationRoutes, ...organizationRoutes, ...peopleRoutes, ...spreadsheetRoutes, ...volunteeringRoutes, ...auditRoutes],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });
  installGuard(router);
  return router;
}
