import type { TeamMember, TeamView } from '@/api/volunteering';
import type { Column, TagType } from '@/components/dataList';
import { formatDateTime } from '../format';
import { reasonDialog } from '../reason';

export const teamStatusTag: Record<TeamView['status'], TagType> = { active: 'success', archived: 'info' };

export const memberStatusTag: Record<TeamMember['status'], TagType> = {
  pending: 'warning',
  active: 'success',
  rejected: 'danger',
  left: 'info',
};

/** "队长" / "队员 · 待审核": the caller's place in the team. */
export function membershipText(team: Pick<TeamView, 'my_membership'>, t: (key: string) => string): string {
  const m = team.my_membership;
  if (!m) return '';
  const role = t(`volunteering.memberRole.${m.role}`);
  return m.status === 'active' ? role : `${role} · ${t(`volunteering.memberStatus.${m.status}`)}`;
}

/** Applications first (oldest first), then active members, then the rest. */
export function memberOrder(members: TeamMember[]): TeamMember[] {
  const rank: Record<TeamMember['status'], number> = { pending: 0, active: 1, rejected: 2, left: 3 };
  return [...members].sort((a, b) => rank[a.status] - rank[b.status] || a.id - b.id);
}

/** My teams (cards on a phone); the buttons are the team's `can`. */
export const TEAM_COLUMNS: Column<TeamView>[] = [
  { key: 'name', label: 'volunteering.teamForm.name', text: (team) => team.name, minWidth: 180, card: 'title' },
  {
    key: 'status',
    label: 'volunteering.teamForm.status',
    text: (team, t) => t(`volunteering.teamStatus.${team.status}`),
    tag: (team) => teamStatusTag[team.status],
    width: 90,
    card: 'head',
  },
  { key: 'mine', label: 'volunteering.teams.mine', text: membershipText, testid: 'team-membership', width: 130, card: 'meta' },
  { key: 'partner', label: 'volunteering.teamForm.partner', text: (team) => team.partner_name, minWidth: 140, card: 'meta' },
  { key: 'description', label: 'volunteering.teamForm.description', text: (team) => team.description, minWidth: 200, card: 'text' },
];

/** A team's members and applications; pending ones get the decision buttons. */
export const MEMBER_COLUMNS: Column<TeamMember>[] = [
  { key: 'name', label: 'volunteering.roster.name', text: (m) => m.name, minWidth: 100, card: 'title' },
  {
    key: 'status',
    label: 'volunteering.report.status',
    text: (m, t) => t(`volunteering.memberStatus.${m.status}`),
    tag: (m) => memberStatusTag[m.status],
    width: 90,
    card: 'head',
  },
  { key: 'role', label: 'volunteering.teams.role', text: (m, t) => t(`volunteering.memberRole.${m.role}`), width: 80, card: 'meta' },
  { key: 'applied', label: 'volunteering.teams.applied', text: (m) => formatDateTime(m.created_at), width: 150, card: 'meta' },
  {
    key: 'message',
    label: 'volunteering.teams.message',
    text: (m) => (m.status === 'rejected' ? m.decision_reason : m.message),
    minWidth: 160,
    card: 'text',
  },
];

/** Rejecting an application needs a reason the applicant will see. */
export const MEMBER_REJECT_DIALOG = reasonDialog('member-reject');
