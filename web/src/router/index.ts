import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import { installGuard } from './guard';
import { frontRoutes } from './routes/front';
import { homeRoutes } from './routes/home';
import { cadresPublicRoutes, cadresRoutes } from './routes/cadres';
import { publishingRoutes } from './routes/publishing';
import { notificationRoutes } from './routes/notifications';
import { organizationRoutes } from './routes/organizations';
import { peopleRoutes } from './routes/people';
import { sessionRoutes } from './routes/session';
import { spreadsheetRoutes } from './routes/spreadsheets';
import { volunteeringPublicRoutes, volunteeringRoutes } from './routes/volunteering';

export const routes: RouteRecordRaw[] = [
  ...frontRoutes,
  ...sessionRoutes,
  ...volunteeringPublicRoutes,
  ...cadresPublicRoutes,
  {
    path: '/app',
    component: () => import('@/layouts/AppLayout.vue'),
    meta: { requiresAuth: true },
    children: [...homeRoutes, ...cadresRoutes, ...publishingRoutes, ...notificationRoutes, ...organizationRoutes, ...peopleRoutes, ...spreadsheetRoutes, ...volunteeringRoutes],
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
