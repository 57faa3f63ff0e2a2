// The front page's columns: each filled from a public list that a guest may read (no session),
// newest or first few items, each a link to its public page. A column whose list fails to load
// shows its empty text: the front page stays usable without it.
import { listCatalog } from '@/api/services';
import { listPublicVenues } from '@/api/venues';

export interface FrontItem {
  id: number;
  title: string;
  meta: string;
  to: string;
}

export interface FrontColumn {
  key: 'services' | 'venues';
  all: string;
  load: (limit: number) => Promise<FrontItem[]>;
}

export const frontColumns: FrontColumn[] = [
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
