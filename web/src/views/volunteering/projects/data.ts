import { allows } from '@/api/can';
import type { GuardianConsent, Project, Shift, ShiftView } from '@/api/volunteering';
import type { TagType } from '@/components/dataList';
import type { FormDialogSpec } from '@/components/formFields';

export const projectStatusTag: Record<Project['status'], TagType> = {
  draft: 'info',
  recruiting: 'success',
  running: 'primary',
  finished: 'info',
  archived: 'info',
};

/** What a visitor can do with a shift, or why not. */
export type ShiftState =
  | 'signedUp'
  | 'waitlisted'
  | 'open'
  | 'full'
  | 'started'
  | 'ended'
  | 'cancelled'
  | 'closed';

export function acceptsSignUps(status: Project['status']): boolean {
  return status === 'recruiting' || status === 'running';
}

/**
 * A shift as the server decided it (`state`, `ended`, `my_sign_up`, `can`): an ended shift says
 * so whatever the caller's sign-up was; a signed-in caller is offered a sign-up exactly when
 * `can.sign_up`. A guest is offered one (it leads to the login) where the shift takes sign-ups.
 */
export function shiftState(shift: ShiftView, project: Pick<Project, 'status'>, signedIn: boolean): ShiftState {
  if (shift.state === 'cancelled') return 'cancelled';
  if (shift.ended || shift.state === 'ended') return 'ended';
  if (shift.my_sign_up?.status === 'confirmed') return 'signedUp';
  if (shift.my_sign_up?.status === 'waitlisted') return 'waitlisted';
  if (shift.state === 'in_progress') return 'started';
  const offered = signedIn ? allows(shift, 'sign_up') : acceptsSignUps(project.status);
  if (!offered) return 'closed';
  return shift.state === 'full' ? 'full' : 'open';
}

/** Shifts still ahead first (soonest first), then past ones (latest first). */
export function sortShifts<S extends Pick<Shift, 'starts_at'>>(shifts: S[], now: number = Date.now()): S[] {
  const ahead = shifts.filter((s) => Date.parse(s.starts_at) > now);
  const past = shifts.filter((s) => Date.parse(s.starts_at) <= now);
  ahead.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  past.sort((a, b) => b.starts_at.localeCompare(a.starts_at));
  return [...ahead, ...past];
}

/** Public listing order: recruiting, then running, then the rest. */
export function sortProjects(projects: Project[]): Project[] {
  const rank: Record<string, number> = { recruiting: 0, running: 1, finished: 2 };
  return [...projects].sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3) || b.id - a.id);
}

const consenting = (_: GuardianConsent, c: { needsConsent: boolean }) => c.needsConsent;

/** The sign-up dialog: a minor's guardian consent, asked for when the server says it is needed. */
export const SIGN_UP_DIALOG: FormDialogSpec<GuardianConsent, { needsConsent: boolean }> = {
  fields: [
    { key: 'guardian_name', kind: 'text', label: 'volunteering.signUp.guardianName', testid: 'consent-name', visible: consenting },
    { key: 'relation', kind: 'text', label: 'volunteering.signUp.relation', testid: 'consent-relation', visible: consenting },
    { key: 'agreed', kind: 'checkbox', label: 'volunteering.signUp.agreed', testid: 'consent-agreed', visible: consenting },
  ],
  testid: 'signup-dialog',
  submitTestid: 'signup-submit',
  width: 'min(440px, 94vw)',
};
