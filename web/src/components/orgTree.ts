// Lazy loading for organization trees (the navigator and the tree picker):
// roots are the account's grant organizations, children come one level and one
// page at a time, so a tree of tens of thousands of organizations never loads whole.
import { listChildren, type Organization } from '@/api/organizations';

export const CHILDREN_PAGE = 100;

export interface OrgTreeNode {
  /** Organization id, or "more:<parent>:<cursor>" for the "load more" entry. */
  key: string;
  id: number;
  name: string;
  kind?: Organization['kind'];
  status?: Organization['status'];
  roles?: string[];
  leaf: boolean;
  more?: { parentId: number; cursor: string };
}

export function toTreeNode(org: Organization): OrgTreeNode {
  return { key: String(org.id), id: org.id, name: org.name, kind: org.kind, status: org.status, leaf: false };
}

export function moreNode(parentId: number, cursor: string): OrgTreeNode {
  return { key: `more:${parentId}:${cursor}`, id: parentId, name: '', leaf: true, more: { parentId, cursor } };
}

/** One page of children as tree nodes, with a "more" node at the end when the server has more. */
export async function loadChildNodes(parentId: number, cursor: string | null = null): Promise<OrgTreeNode[]> {
  const page = await listChildren(parentId, { limit: CHILDREN_PAGE, cursor, status: 'active' });
  const nodes = page.items.map(toTreeNode);
  if (page.next_cursor) nodes.push(moreNode(parentId, page.next_cursor));
  return nodes;
}
