import type { GuardianConsent, MySignUp, Project, Shift, SignUp } from '@/api/volunteering';
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
  | 'cancelled'
  | 'closed';

export function acceptsSignUps(status: Project['status']): boolean {
  return status === 'recruiting' || status === 'running';
}

export function shiftState(
  shift: Shift,
  project: Pick<Project, 'status'>,
  mine: SignUp | undefined,
  now: number = Date.now(),
): ShiftState {
  if (mine?.status === 'confirmed') return 'signedUp';
  if (mine?.status === 'waitlisted') return 'waitlisted';
  if (shift.status === 'cancelled') return 'cancelled';
  if (Date.parse(shift.starts_at) <= now) return 'started';
  if (!acceptsSignUps(project.status)) return 'closed';
  return shift.seats_left > 0 ? 'open' : 'full';
}

/** The caller's active sign-ups by shift id (cancelled ones do not count). */
export function activeSignUpsByShift(items: MySignUp[]): Map<number, SignUp> {
  const map = new Map<number, SignUp>();
  for (const m of items) {
    if (m.sign_up.status !== 'cancelled') map.set(m.shift.id, m.sign_up);
  }
  return map;
}

/** Shifts still ahead first (soonest first), then past ones (latest first). */
export function sortShifts(shifts: Shift[], now: number = Date.now()): Shift[] {
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
