import type {
  Correction,
  NewPerson,
  PeopleQuery,
  PeopleScope,
  Person,
  PersonChanges,
  PersonSummary,
  Position,
  Transfer,
  TransferInput,
} from '@/api/people';
import { searchDirectory, type DirectoryEntry, type OrganizationStats } from '@/api/organizations';
import { listPeople } from '@/api/people';
import type { Column, TagType, Translate } from '@/components/dataList';
import { optionsOf, type FormDialogSpec, type FormField } from '@/components/formFields';

export type KindFilter = '' | 'member' | 'youth' | 'cadre';

/** 民族: the 56 ethnic groups of GB/T 3304 by code ("01" 汉族 … "56" 基诺族; names in people.ethnicities). */
export const ETHNICITY_CODES: readonly string[] = Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0'));
/** 学历: the levels of GB/T 4658 by code (names in people.educations). */
export const EDUCATION_CODES: readonly string[] = ['11', '14', '20', '30', '40', '60', '70', '80', '90'];

/** The name of a closed-list code in the UI language; a value outside the list (older records) as it is. */
export function codeName(list: 'ethnicities' | 'educations', code: string | null | undefined, t: Translate): string {
  if (!code) return '';
  const known = list === 'ethnicities' ? ETHNICITY_CODES : EDUCATION_CODES;
  return known.includes(code) ? t(`people.${list}.${code}`) : code;
}

export interface PeopleFilters {
  q: string;
  kind: KindFilter;
  scope: PeopleScope;
  /** '' for all, else a code of ETHNICITY_CODES / EDUCATION_CODES. */
  ethnicity: string;
  education: string;
}

export const PAGE_SIZE = 50;

/** `scope` defaults to the whole subtree for committee roles (they answer for many branches). */
export function defaultFilters(scope: PeopleScope = 'self'): PeopleFilters {
  return { q: '', kind: '', scope, ethnicity: '', education: '' };
}

/** The scope a list opens with: the subtree when the caller holds a committee role anywhere. */
export function defaultScope(roles: readonly string[]): PeopleScope {
  return roles.includes('committee_admin') ? 'subtree' : 'self';
}

/**
 * How many people the filters cover, from the organization's maintained counters (no count
 * query): null while searching by text, which the counters cannot answer.
 */
export function peopleTotal(stats: OrganizationStats | null, filters: PeopleFilters): number | null {
  if (!stats || filters.q.trim() || filters.ethnicity || filters.education) return null;
  const f = filters.scope === 'subtree' ? stats.subtree : stats.self;
  if (filters.kind === 'member') return f.members;
  if (filters.kind === 'youth') return f.youth;
  if (filters.kind === 'cadre') return f.cadres;
  return f.members + f.youth;
}

/** The people list: a table on a desk, cards on a phone; `kind` is drawn by the screen (kind and position). */
export const PEOPLE_COLUMNS: Column<PersonSummary, { subtree: boolean }>[] = [
  {
    key: 'name',
    label: 'people.fields.name',
    text: (p) => p.name,
    to: (p) => `/app/people/${p.id}`,
    testid: 'person-link',
    minWidth: 120,
    card: 'title',
  },
  { key: 'kind', label: 'people.fields.kind', width: 120, card: 'head' },
  { key: 'gender', label: 'people.fields.gender', text: (p, t) => (p.gender ? t(`people.genders.${p.gender}`) : ''), width: 70, card: 'meta' },
  { key: 'birth_date', label: 'people.fields.birth_date', text: (p) => p.birth_date, width: 120, card: 'meta' },
  { key: 'phone', label: 'people.fields.phone', text: (p) => p.phone, testid: 'person-phone', minWidth: 130 },
  {
    key: 'identity_number',
    label: 'people.fields.identity_number',
    text: (p) => p.identity_number,
    testid: 'person-identity',
    minWidth: 190,
  },
  {
    key: 'organization',
    label: 'people.fields.organization',
    text: (p) => p.organization.name,
    minWidth: 180,
    card: 'text',
    when: (c) => c.subtree,
  },
];

/** The list request's query for the filters and an optional cursor. */
export function peopleQuery(filters: PeopleFilters, cursor: string | null = null): PeopleQuery {
  const query: PeopleQuery = { scope: filters.scope, limit: PAGE_SIZE };
  if (filters.kind) query.kind = filters.kind;
  if (filters.ethnicity) query.ethnicity = filters.ethnicity as PeopleQuery['ethnicity'];
  if (filters.education) query.education = filters.education as PeopleQuery['education'];
  const q = filters.q.trim();
  if (q) query.q = q;
  if (cursor) query.cursor = cursor;
  return query;
}

/**
 * Filters from the URL (so a filtered list can be reloaded or shared). The search term is not
 * among them: it may be an identity number or a phone, which must not land in browser history.
 */
export function filtersFromQuery(query: Record<string, unknown>, scope: PeopleScope = 'self'): PeopleFilters {
  const f = defaultFilters(scope);
  if (query.kind === 'member' || query.kind === 'youth' || query.kind === 'cadre') f.kind = query.kind;
  if (query.scope === 'subtree' || query.scope === 'self') f.scope = query.scope;
  if (typeof query.ethnicity === 'string' && ETHNICITY_CODES.includes(query.ethnicity)) f.ethnicity = query.ethnicity;
  if (typeof query.education === 'string' && EDUCATION_CODES.includes(query.education)) f.education = query.education;
  return f;
}

/** The URL's query for the filters: all but the search term (see filtersFromQuery). */
export function filtersToQuery(f: PeopleFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.kind) q.kind = f.kind;
  if (f.ethnicity) q.ethnicity = f.ethnicity;
  if (f.education) q.education = f.education;
  q.scope = f.scope;
  return q;
}

export function kindTag(kind: PersonSummary['kind']): TagType {
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
  kind: PersonSummary['kind'];
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

/** Whether the person form edits an existing person (name and identity number are then locked). */
export interface PersonFormContext {
  editing: boolean;
}

const member = (m: PersonFormModel, c: PersonFormContext) => m.kind === 'member' && !c.editing;

/** The person form's fields (data-testid person-field-<key>). */
export const PERSON_FIELDS: FormField<PersonFormModel, PersonFormContext>[] = [
  {
    key: 'kind',
    kind: 'segmented',
    label: 'people.fields.kind',
    visible: (_, c) => !c.editing,
    options: optionsOf(['member', 'youth'], 'people.kinds.', 'person-kind-'),
  },
  { key: 'name', kind: 'text', label: 'people.fields.name', required: true, half: true, maxlength: 50, disabled: (_, c) => c.editing },
  { key: 'gender', kind: 'radio', label: 'people.fields.gender', half: true, options: optionsOf(['male', 'female'], 'people.genders.') },
  {
    key: 'identity_number',
    kind: 'text',
    label: 'people.fields.identity_number',
    half: true,
    maxlength: 18,
    required: member,
    disabled: (_, c) => c.editing,
  },
  { key: 'birth_date', kind: 'text', label: 'people.fields.birth_date', half: true, placeholder: 'common.form.datePlaceholder' },
  { key: 'note-correction', kind: 'note', label: 'people.form.correctionNote', visible: (_, c) => c.editing },
  { key: 'phone', kind: 'text', label: 'people.fields.phone', half: true, maxlength: 20, inputmode: 'tel' },
  {
    key: 'ethnicity',
    kind: 'select',
    label: 'people.fields.ethnicity',
    half: true,
    placeholder: 'people.form.pickEthnicity',
    options: optionsOf(ETHNICITY_CODES, 'people.ethnicities.', 'person-ethnicity-'),
    attrs: { filterable: true, clearable: true, valueOnClear: '' },
  },
  {
    key: 'member_since',
    kind: 'text',
    label: 'people.fields.member_since',
    half: true,
    required: true,
    visible: member,
    placeholder: 'common.form.datePlaceholder',
  },
  { key: 'member_number', kind: 'text', label: 'people.fields.member_number', half: true, maxlength: 30, visible: member },
  {
    key: 'education',
    kind: 'select',
    label: 'people.fields.education',
    half: true,
    placeholder: 'people.form.pickEducation',
    options: optionsOf(EDUCATION_CODES, 'people.educations.', 'person-education-'),
    attrs: { clearable: true, valueOnClear: '' },
  },
  { key: 'occupation', kind: 'text', label: 'people.fields.occupation', half: true },
  { key: 'employer', kind: 'text', label: 'people.fields.employer' },
];

export const PERSON_DIALOG: FormDialogSpec<PersonFormModel, PersonFormContext> = {
  fields: PERSON_FIELDS,
  testid: 'person-form',
  submitTestid: 'person-form-submit',
  fieldTestidPrefix: 'person-field-',
  width: 'min(600px, 96vw)',
};

const IDENTITY_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const IDENTITY_CHECK = '10X98765432';

/**
 * The birth date and gender an 18-character resident identity number (GB 11643) carries, or
 * null while it is not one (wrong length, check character or date). The server checks the
 * birth date against the number again.
 */
export function fromIdentity(raw: string): { birth_date: string; gender: 'male' | 'female' } | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const sum = IDENTITY_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (IDENTITY_CHECK[sum % 11] !== id[17]) return null;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return { birth_date: `${y}-${m}-${d}`, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

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
export function createPersonInput(form: PersonFormModel, organizationId: number): NewPerson {
  const input: NewPerson = { name: form.name.trim(), birth_date: form.birth_date };
  if (form.gender) input.gender = form.gender;
  if (form.identity_number.trim()) input.identity_number = form.identity_number.trim().toUpperCase();
  if (form.phone.trim()) input.phone = form.phone.trim();
  for (const k of OPTIONAL) if ((form[k] ?? '').trim()) input[k] = form[k].trim();
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
export function updatePersonInput(form: PersonFormModel, original: Person): PersonChanges {
  const input: PersonChanges = {};
  if (form.gender && form.gender !== original.gender) input.gender = form.gender;
  if (form.birth_date && form.birth_date !== original.birth_date) input.birth_date = form.birth_date;
  const phone = form.phone.trim() || null;
  if (phone !== (original.phone ?? null)) input.phone = phone;
  for (const k of OPTIONAL) {
    // A cleared select may hold undefined.
    const v = (form[k] ?? '').trim() || null;
    // ethnicity and education hold codes of their closed lists (the select offers only those).
    if (v !== (original[k] ?? null)) (input as Record<(typeof OPTIONAL)[number], string | null>)[k] = v;
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

export function transferStateTag(transfer: Pick<Transfer, 'status' | 'stage'>): TagType {
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

/** Transfers; `note` (with a rejection's reason) and `age` are drawn by the screen. */
export const TRANSFER_COLUMNS: Column<Transfer>[] = [
  {
    key: 'person',
    label: 'people.transfers.person',
    text: (tr) => tr.person.name,
    testid: 'transfer-person-name',
    minWidth: 110,
    card: 'title',
  },
  { key: 'from', label: 'people.transfers.from', text: (tr) => tr.from.name, minWidth: 170 },
  { key: 'to', label: 'people.transfers.to', text: (tr) => tr.to.name, minWidth: 170 },
  { key: 'note', label: 'people.transfers.note', minWidth: 140, card: 'text' },
  {
    key: 'state',
    label: 'people.transfers.state',
    text: (tr, t) => transferStateLabel(tr, t),
    tag: transferStateTag,
    testid: 'transfer-state',
    minWidth: 150,
    card: 'head',
  },
  { key: 'age', label: 'people.transfers.age', width: 110 },
];

/** The transfer form: the member by id (the sending side) or by identity number and name (the receiving side). */
export interface TransferFormModel {
  by: 'person' | 'identity';
  person: number | null;
  identity: string;
  name: string;
  to: number | null;
  note: string;
}

export const TRANSFER_FIELD_ALIAS: Record<string, string> = {
  person_id: 'person',
  identity_number: 'identity',
  to_organization_id: 'to',
};

const byPerson = (m: TransferFormModel) => m.by === 'person';
const byIdentity = (m: TransferFormModel) => m.by === 'identity';

/** "风云社区团支部 · 新疆…团委 › 克拉玛依市团委 › …" so that equal names are told apart. */
export function destinationLabel(o: Pick<DirectoryEntry, 'name' | 'ancestors'>): string {
  const where = o.ancestors.map((a) => a.name).join(' › ');
  return where ? `${o.name} · ${where}` : o.name;
}

/** The organization a transfer starts from (whose subtree's members the sending side picks). */
export interface TransferFormContext {
  organizationId: number;
}

/** data-testid transfer-<key>. */
export const TRANSFER_FIELDS: FormField<TransferFormModel, TransferFormContext>[] = [
  {
    key: 'by',
    kind: 'segmented',
    options: [
      { value: 'person', label: 'people.transfers.byPerson' },
      { value: 'identity', label: 'people.transfers.byIdentity', testid: 'transfer-by-identity' },
    ],
  },
  {
    key: 'person',
    kind: 'search',
    label: 'people.transfers.person',
    required: true,
    visible: byPerson,
    placeholder: 'people.transfers.personPlaceholder',
    search: async (q, c) =>
      (await listPeople(c.organizationId, { scope: 'subtree', kind: 'member', q, limit: 20 })).items.map((p) => ({
        value: p.id,
        text: `${p.name} · ${p.organization.name}`,
      })),
  },
  { key: 'identity', kind: 'text', label: 'people.fields.identity_number', required: true, maxlength: 18, visible: byIdentity },
  {
    key: 'name',
    kind: 'text',
    label: 'people.transfers.memberName',
    required: true,
    maxlength: 50,
    hint: 'people.transfers.memberNameHint',
    visible: byIdentity,
  },
  {
    key: 'to',
    kind: 'search',
    label: 'people.transfers.to',
    required: true,
    hint: 'people.transfers.toHint',
    placeholder: 'people.transfers.toPlaceholder',
    // Destinations anywhere in the network, by name (names are not personal data).
    search: async (q) =>
      q.trim() ? (await searchDirectory(q.trim(), { limit: 20 })).items.map((o) => ({ value: o.id, text: destinationLabel(o) })) : [],
  },
  { key: 'note', kind: 'textarea', label: 'people.transfers.note', maxlength: 500 },
];

export const TRANSFER_DIALOG: FormDialogSpec<TransferFormModel, TransferFormContext> = {
  fields: TRANSFER_FIELDS,
  testid: 'transfer-form',
  submitTestid: 'transfer-submit',
  submitLabel: 'people.transfers.start',
  fieldTestidPrefix: 'transfer-',
  width: 'min(520px, 96vw)',
};

export function emptyTransferForm(): TransferFormModel {
  return { by: 'person', person: null, identity: '', name: '', to: null, note: '' };
}

/** POST /transfers body. */
export function transferInput(form: TransferFormModel): TransferInput {
  return {
    ...(form.by === 'person'
      ? { person_id: form.person ?? 0 }
      : { identity_number: form.identity.trim().toUpperCase(), name: form.name.trim() }),
    to_organization_id: form.to ?? 0,
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
  };
}

/** A person's positions. */
export const POSITION_COLUMNS: Column<Position>[] = [
  { key: 'title', label: 'people.fields.title', text: (p, t) => t(`people.titles.${p.title}`), minWidth: 120, card: 'title' },
  { key: 'organization', label: 'people.fields.organization', text: (p) => p.organization.name, minWidth: 200, card: 'head' },
  { key: 'employment', label: 'people.fields.employment', text: (p, t) => t(`people.employment.${p.employment}`), width: 110, card: 'meta' },
  { key: 'started_on', label: 'people.fields.started_on', text: (p) => p.started_on, width: 120, card: 'meta' },
  { key: 'ended_on', label: 'people.fields.ended_on', text: (p, t) => p.ended_on ?? t('people.person.now'), width: 120, card: 'meta' },
];

const CORRECTION_TAGS: Record<Correction['status'], TagType> = { pending: 'warning', approved: 'success', rejected: 'info' };
/** "old → new", or "—" when the request leaves the value as it is. */
export const changeText = (from: string | null, to: string | null) => (to === null ? '—' : `${from ?? '—'} → ${to}`);

/** Corrections of name and identity number, waiting or decided. */
export const CORRECTION_COLUMNS: Column<Correction>[] = [
  { key: 'person', label: 'people.corrections.person', minWidth: 110, card: 'title' },
  { key: 'name', label: 'people.corrections.name', text: (c) => changeText(c.old_name, c.new_name), minWidth: 150, card: 'text' },
  {
    key: 'identity',
    label: 'people.corrections.identity',
    text: (c) => changeText(c.old_identity_number, c.new_identity_number),
    minWidth: 230,
    card: 'text',
  },
  { key: 'reason', label: 'people.corrections.reason', minWidth: 160, card: 'text' },
  { key: 'requested', label: 'people.corrections.requestedAt', text: (c) => c.created_at.slice(0, 10), width: 110 },
  {
    key: 'status',
    label: 'people.corrections.status',
    text: (c, t) => t(`people.corrections.statuses.${c.status}`),
    tag: (c) => CORRECTION_TAGS[c.status],
    testid: 'correction-status',
    width: 100,
    card: 'head',
  },
];
