// The workbench (GET /my/work, served by the organizations module over every module's work
// items): the caller's to-dos with counts and links, the menu areas they open, and the key
// figures and overdue counts of the caller's organization.
import { get } from './request';
import type { Answer } from './types';

export type MyWork = Answer<'/api/v1/my/work', 'get'>;
export type WorkItem = MyWork['items'][number];
export type WorkFigures = NonNullable<MyWork['figures']>;

export const getMyWork = (organizationId?: number) =>
  get<MyWork>('/my/work', { query: organizationId ? { organization_id: organizationId } : {} });
