import type { Person, PersonInput, PersonSummary, PeopleQuery, PeopleScope, Transfer } from '@/api/people';

type Translate = (key: string, named?: Record<string, unknown>) => string;

export type KindFilter = '' | 'member' | 'youth' | 'cadre';

export interface PeopleFilters {
  q: string;
  kind: KindFilter;
  scope: PeopleScope;
}

export const PAGE_SIZE = 50;

export function defaultFilters(): PeopleFilters {
  return { q: '', kind: '', scope: 'self' };
}

/** The list request's query for the filters and an optional cursor. */
export function peopleQuery(filters: PeopleFilters, cursor: string | null = null): PeopleQuery {
  const query: PeopleQuery = { scope: filters.scope, limit: PAGE_SIZE };
  if (filters.kind) query.kind = filters.kind;
  const q = filters.q.trim();
  if (q) query.q = q;
  if (cursor) query.cursor = cursor;
  return query;
}

/** Filters from the URL (so a filtered list can be reloaded or shared). */
export function filtersFromQuery(query: Record<string, unknown>): PeopleFilters {
  const f = defaultFilters();
  if (typeof query.q === 'string') f.q = query.q;
  if (query.kind === 'member' || query.kind === 'youth' || query.kind === 'cadre') f.kind = query.kind;
  if (query.scope === 'subtree') f.scope = 'subtree';
  return f;
}

export function filtersToQuery(f: PeopleFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.q.trim()) q.q = f.q.trim();
  if (f.kind) q.kind = f.kind;
  if (f.scope !== 'self') q.scope = f.scope;
  return q;
}

export function kindTag(kind: PersonSummary['kind']): 'success' | 'info' {
  return kind === 'member' ? 'success' : 'info';
}

/** "today", "1 day", "12 days" for a pending transfer's age. */
export function ageLabel(days: number, t: Translate): string {
  if (days <= 0) return t('people.transfers.ageToday');
  return t('people.transfers.ageDays', { n: days });
}

/** Pending transfers older than this are highlighted. */
export const STALE_TRANSFER_DAYS = 14;

export function isStale(transfer: Pick<Transfer, 'age_days' | 'status'>): boolean {
  return transfer.status === 'pending' && transfer.age_days >= STALE_TRANSFER_DAYS;
}

export interface PersonFormModel {
  kind: 'member' | 'youth';
  name: string;
  gender: 'male' | 'female' | '';
  birth_date: string;
  identity_number: string;
  phone: string;
  ethnicity: string;
  education: string;
  occupation: string;
  employer: string;
  member_since: string;
  member_number: string;
}

/** Server field names → form fields (membership fields live at the top of the form). */
export const PERSON_FIELD_ALIAS: Record<string, string> = {
  'membership.member_since': 'member_since',
  'membership.member_number': 'member_number',
  'membership.organization_id': 'member_since',
  membership: 'member_since',
  organization_id: 'name',
};

export function emptyPersonForm(): PersonFormModel {
  return {
    kind: 'member',
    name: '',
    gender: '',
    birth_date: '',
    identity_number: '',
    phone: '',
    ethnicity: '',
    education: '',
    occupation: '',
    employer: '',
    member_since: '',
    member_number: '',
  };
}

export function personToForm(p: Person): PersonFormModel {
  return {
    kind: p.kind,
    name: p.name,
    gender: p.gender,
    birth_date: p.birth_date,
    identity_number: p.identity_number ?? '',
    phone: p.phone ?? '',
    ethnicity: p.ethnicity ?? '',
    education: p.education ?? '',
    occupation: p.occupation ?? '',
    employer: p.employer ?? '',
    member_since: p.membership?.member_since ?? '',
    member_number: p.membership?.member_number ?? '',
  };
}

const OPTIONAL = ['ethnicity', 'education', 'occupation', 'employer'] as const;

/** POST /people body: a member with a membership, or a young person attached to the organization. */
export function createPersonInput(form: PersonFormModel, organizationId: number): PersonInput {
  const input: PersonInput = { name: form.name.trim(), birth_date: form.birth_date };
  if (form.gender) input.gender = form.gender;
  if (form.identity_number.trim()) input.identity_number = form.identity_number.trim().toUpperCase();
  if (form.phone.trim()) input.phone = form.phone.trim();
  for (const k of OPTIONAL) if (form[k].trim()) input[k] = form[k].trim();
  if (form.kind === 'member') {
    input.membership = { organization_id: organizationId, member_since: form.member_since };
    if (form.member_number.trim()) input.membership.member_number = form.member_number.trim();
  } else {
    input.organization_id = organizationId;
  }
  return input;
}

/**
 * PATCH /people/{id} body: only changed fields; name and identity number change by correction
 * only, and a masked phone shown to the reader is never sent back.
 */
export function updatePersonInput(form: PersonFormModel, original: Person): PersonInput {
  const input: PersonInput = {};
  if (form.gender && form.gender !== original.gender) input.gender = form.gender;
  if (form.birth_date && form.birth_date !== original.birth_date) input.birth_date = form.birth_date;
  const phone = form.phone.trim() || null;
  if (phone !== (original.phone ?? null)) input.phone = phone;
  for (const k of OPTIONAL) {
    const v = form[k].trim() || null;
    if (v !== (original[k] ?? null)) input[k] = v;
  }
  return input;
}

/** The state of a transfer in words: the step a pending one waits for, or its outcome. */
export function transferStateLabel(transfer: Pick<Transfer, 'status' | 'stage'>, t: Translate): string {
  if (transfer.status === 'pending') {
    return t(transfer.stage === 'awaiting_sender' ? 'people.transfers.awaitingSender' : 'people.transfers.awaitingReceiver');
  }
  return t(`people.transfers.statuses.${transfer.status}`);
}

export function transferStateTag(transfer: Pick<Transfer, 'status' | 'stage'>): 'warning' | 'primary' | 'success' | 'danger' | 'info' {
  switch (transfer.status) {
    case 'pending':
      return transfer.stage === 'awaiting_sender' ? 'warning' : 'primary';
    case 'accepted':
      return 'success';
    case 'rejected':
      return 'danger';
    default:
      return 'info';
  }
}
