// The front page's columns: each filled from a public list that a guest may read (no session),
// newest or first few items, each a link to its public page. A column whose list fails to load
// shows its empty text: the front page stays usable without it.
import { listLatestArticles } from '@/api/publishing';
import { listCatalog } from '@/api/services';
import { listPublicVenues } from '@/api/venues';

export interface FrontItem {
  id: number;
  title: string;
  meta: string;
  /** An app route, or with `page` a server-rendered page (the public site). */
  to: string;
  page?: boolean;
}

export interface FrontColumn {
  key: 'news' | 'services' | 'venues';
  /** The public list with everything ('' when there is none in the app). */
  all: string;
  load: (limit: number) => Promise<FrontItem[]>;
}

export const frontColumns: FrontColumn[] = [
  {
    key: 'news',
    all: '',
    load: async (limit) =>
      (await listLatestArticles(limit)).items.map((a) => ({
        id: a.id,
        title: a.title,
        meta: `${a.organization_name} · ${a.published_at.slice(0, 10)}`,
        to: a.public_url,
        page: true,
      })),
  },
  {
    key: 'services',
    all: '/services',
    load: async (limit) =>
      (await listCatalog({ limit })).items.map((s) => ({
        id: s.id,
        title: s.name,
        meta: s.organization_name,
        to: `/services/${s.id}`,
      })),
  },
  {
    key: 'venues',
    all: '/venues',
    load: async (limit) =>
      (await listPublicVenues({ limit })).items.map((v) => ({
        id: v.id,
        title: v.name,
        meta: v.address,
        to: `/venues/${v.id}`,
      })),
  },
];
