import { createRouter, createWebHistory, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import { installGuard } from './guard';
import { frontRoutes } from './routes/front';
import { homeRoutes } from './routes/home';
import { sessionRoutes } from './routes/session';

export const routes: RouteRecordRaw[] = [
  ...frontRoutes,
  ...sessionRoutes,
  {
    path: '/app',
    component: () => import('@/layouts/AppLayout.vue'),
    meta: { requiresAuth: true },
    children: [...homeRoutes],
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
