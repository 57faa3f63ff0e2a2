// The leaders' forms: a team, a project, a shift (create and edit), declared once. The server
// checks every value again and names the bad field; these declarations only draw the fields.
import type {
  Project,
  ProjectChange,
  ProjectInput,
  Shift,
  ShiftChange,
  ShiftInput,
  Team,
  TeamChange,
  TeamInput,
} from '@/api/volunteering';
import { optionsOf, type FieldOption, type FormDialogSpec } from '@/components/formFields';
import { formatDateTime } from '../format';

const editing = (_: unknown, c: { editing: boolean }) => c.editing;

// ---- team ---------------------------------------------------------------------------------

export interface TeamFormModel {
  name: string;
  description: string;
  partner_name: string;
  status: Team['status'];
  /** A new team: the creator leads it (when the account has a person). */
  lead: boolean;
}

export interface TeamFormContext {
  editing: boolean;
  /** The caller's person, who may lead a new team; null for an account without one. */
  personId: number | null;
}

export function teamModel(team?: Team | null): TeamFormModel {
  return {
    name: team?.name ?? '',
    description: team?.description ?? '',
    partner_name: team?.partner_name ?? '',
    status: team?.status ?? 'active',
    lead: !team,
  };
}

/** A new team of the organization (led by the creator when asked); empty optional fields are left out. */
export function teamInput(organizationId: number, m: TeamFormModel, personId: number | null = null): TeamInput {
  return {
    organization_id: organizationId,
    name: m.name.trim(),
    ...(m.description.trim() ? { description: m.description.trim() } : {}),
    ...(m.partner_name.trim() ? { partner_name: m.partner_name.trim() } : {}),
    ...(m.lead && personId ? { leader_person_ids: [personId] } : {}),
  };
}

/** Only what changed (an empty PATCH changes nothing); a cleared text becomes null. */
export function teamChange(team: Team, m: TeamFormModel): TeamChange {
  const change: TeamChange = {};
  if (m.name.trim() !== team.name) change.name = m.name.trim();
  if (m.description.trim() !== (team.description ?? '')) change.description = m.description.trim() || null;
  if (m.partner_name.trim() !== (team.partner_name ?? '')) change.partner_name = m.partner_name.trim() || null;
  if (m.status !== team.status) change.status = m.status;
  return change;
}

export const TEAM_DIALOG: FormDialogSpec<TeamFormModel, TeamFormContext> = {
  fields: [
    { key: 'name', kind: 'text', label: 'volunteering.teamForm.name', required: true, maxlength: 100 },
    { key: 'partner_name', kind: 'text', label: 'volunteering.teamForm.partner', hint: 'volunteering.teamForm.partnerHint', maxlength: 100 },
    { key: 'description', kind: 'textarea', label: 'volunteering.teamForm.description', attrs: { rows: 3 } },
    {
      key: 'status',
      kind: 'segmented',
      label: 'volunteering.teamForm.status',
      options: optionsOf(['active', 'archived'], 'volunteering.teamStatus.', 'team-status-'),
      visible: editing,
    },
    { key: 'lead', kind: 'checkbox', label: 'volunteering.teamForm.lead', visible: (_, c) => !c.editing && c.personId !== null },
  ],
  testid: 'team-dialog',
  fieldTestidPrefix: 'team-',
  submitTestid: 'team-save',
};

// ---- project ------------------------------------------------------------------------------

export const CATEGORIES = [
  'community',
  'education',
  'elder_care',
  'environment',
  'culture',
  'health',
  'emergency',
  'sports',
  'other',
] as const satisfies readonly Project['category'][];

export interface ProjectFormModel {
  team_id: number | null;
  title: string;
  category: Project['category'];
  description: string;
  brand: string;
  location: string;
  contact: string;
  visibility: Project['visibility'];
}

export interface ProjectFormContext {
  editing: boolean;
  /** Teams the caller may add a project to (their `can.add_project`). */
  teams: FieldOption[];
  /** The caller may create a project of the organization itself (no team). */
  organizationAllowed: boolean;
}

export function projectModel(project?: Project | null, teamId: number | null = null): ProjectFormModel {
  return {
    team_id: project?.team_id ?? teamId,
    title: project?.title ?? '',
    category: project?.category ?? 'community',
    description: project?.description ?? '',
    brand: project?.brand ?? '',
    location: project?.location ?? '',
    contact: project?.contact ?? '',
    visibility: project?.visibility ?? 'public',
  };
}

const TEXTS = ['description', 'brand', 'location', 'contact'] as const;

/** A new project: of the team when one is chosen, else of the organization. */
export function projectInput(organizationId: number | null, m: ProjectFormModel): ProjectInput {
  const input: ProjectInput = { title: m.title.trim(), category: m.category, visibility: m.visibility };
  if (m.team_id) input.team_id = m.team_id;
  else if (organizationId) input.organization_id = organizationId;
  for (const k of TEXTS) if (m[k].trim()) input[k] = m[k].trim();
  return input;
}

/** Only what changed; the project's texts cannot be cleared to null, so an emptied one is sent empty. */
export function projectChange(project: Project, m: ProjectFormModel): ProjectChange {
  const change: ProjectChange = {};
  if (m.title.trim() !== project.title) change.title = m.title.trim();
  if (m.category !== project.category) change.category = m.category;
  if (m.visibility !== project.visibility) change.visibility = m.visibility;
  for (const k of TEXTS) if (m[k].trim() !== (project[k] ?? '')) change[k] = m[k].trim();
  return change;
}

export const PROJECT_DIALOG: FormDialogSpec<ProjectFormModel, ProjectFormContext> = {
  fields: [
    {
      key: 'team_id',
      kind: 'select',
      label: 'volunteering.projectForm.team',
      placeholder: 'volunteering.projectForm.noTeam',
      options: (c) => c.teams,
      required: (_, c) => !c.organizationAllowed,
      visible: (_, c) => !c.editing,
      attrs: { clearable: true },
    },
    { key: 'title', kind: 'text', label: 'volunteering.projectForm.title', required: true, maxlength: 100 },
    {
      key: 'category',
      kind: 'select',
      label: 'volunteering.project.category',
      options: optionsOf(CATEGORIES, 'volunteering.category.'),
      half: true,
    },
    {
      key: 'visibility',
      kind: 'segmented',
      label: 'volunteering.projectForm.visibility',
      options: optionsOf(['public', 'members'], 'volunteering.visibility.', 'project-visibility-'),
      half: true,
    },
    { key: 'location', kind: 'text', label: 'volunteering.project.location', half: true },
    { key: 'contact', kind: 'text', label: 'volunteering.project.contact', half: true },
    { key: 'brand', kind: 'text', label: 'volunteering.project.brand' },
    { key: 'description', kind: 'textarea', label: 'volunteering.projectForm.description', attrs: { rows: 4 } },
  ],
  testid: 'project-dialog',
  fieldTestidPrefix: 'project-',
  submitTestid: 'project-save',
  width: 'min(640px, 96vw)',
};

// ---- shift --------------------------------------------------------------------------------

export interface ShiftFormModel {
  /** China time, as a datetime-local input gives it: "2026-07-01T09:00". */
  starts_at: string;
  ends_at: string;
  capacity: number;
  role: string;
  requirements: string;
  min_age: number | null;
}

/** An instant as China wall time for a datetime-local input. */
export function chinaLocal(iso: string): string {
  return formatDateTime(iso).replace(' ', 'T');
}

export function shiftModel(shift?: Shift | null): ShiftFormModel {
  return {
    starts_at: shift ? chinaLocal(shift.starts_at) : '',
    ends_at: shift ? chinaLocal(shift.ends_at) : '',
    capacity: shift?.capacity ?? 10,
    role: shift?.role ?? '',
    requirements: shift?.requirements ?? '',
    min_age: shift?.min_age ?? null,
  };
}

/** A new shift; times without a zone are China time to the server. */
export function shiftInput(m: ShiftFormModel): ShiftInput {
  const input: ShiftInput = { starts_at: m.starts_at, ends_at: m.ends_at, capacity: m.capacity };
  if (m.role.trim()) input.role = m.role.trim();
  if (m.requirements.trim()) input.requirements = m.requirements.trim();
  if (m.min_age !== null && m.min_age !== undefined) input.min_age = m.min_age;
  return input;
}

/** Only what changed (times are compared as China wall time); a cleared text becomes null. */
export function shiftChange(shift: Shift, m: ShiftFormModel): ShiftChange {
  const change: ShiftChange = {};
  if (m.starts_at !== chinaLocal(shift.starts_at)) change.starts_at = m.starts_at;
  if (m.ends_at !== chinaLocal(shift.ends_at)) change.ends_at = m.ends_at;
  if (m.capacity !== shift.capacity) change.capacity = m.capacity;
  if (m.role.trim() !== (shift.role ?? '')) change.role = m.role.trim() || null;
  if (m.requirements.trim() !== (shift.requirements ?? '')) change.requirements = m.requirements.trim() || null;
  if ((m.min_age ?? null) !== shift.min_age) change.min_age = m.min_age ?? null;
  return change;
}

export const SHIFT_DIALOG: FormDialogSpec<ShiftFormModel, { editing: boolean }> = {
  fields: [
    { key: 'starts_at', kind: 'text', label: 'volunteering.shiftForm.starts', required: true, half: true, attrs: { type: 'datetime-local' } },
    { key: 'ends_at', kind: 'text', label: 'volunteering.shiftForm.ends', required: true, half: true, attrs: { type: 'datetime-local' } },
    { key: 'note-zone', kind: 'note', label: 'volunteering.shiftForm.zone' },
    { key: 'capacity', kind: 'number', label: 'volunteering.shiftForm.capacity', required: true, half: true, attrs: { min: 1, max: 100000, step: 1 } },
    { key: 'min_age', kind: 'number', label: 'volunteering.shiftForm.minAge', half: true, attrs: { min: 0, max: 100, step: 1, 'value-on-clear': null } },
    { key: 'role', kind: 'text', label: 'volunteering.shiftForm.role', maxlength: 100 },
    { key: 'requirements', kind: 'textarea', label: 'volunteering.shiftForm.requirements', maxlength: 200, attrs: { rows: 2 } },
  ],
  testid: 'shift-dialog',
  fieldTestidPrefix: 'shift-',
  submitTestid: 'shift-save',
};
