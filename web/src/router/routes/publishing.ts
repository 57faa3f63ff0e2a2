import type { RouteRecordRaw } from 'vue-router';
import { toCurrentOrganization } from './organizations';

/** Children of /app. */
export const publishingRoutes: RouteRecordRaw[] = [
  {
    path: 'publishing',
    redirect: toCurrentOrganization('/publishing'),
    meta: { navKey: 'publishing.nav', navIcon: 'organizations', can: 'publishing.read' },
  },
  {
    path: 'organizations/:id(\\d+)/publishing',
    name: 'publishing',
    component: () => import('@/views/publishing/list.vue'),
    meta: { titleKey: 'publishing.title' },
  },
  {
    path: 'publishing/articles/:article(new|\\d+)',
    name: 'publishing-article',
    component: () => import('@/views/publishing/article.vue'),
    meta: { titleKey: 'publishing.article' },
  },
];
