// The services screens' declarations: the lists' columns and the forms' fields, once.
import type { Application, EnrollmentFigures, NewService, Question, QuestionInput, Satisfaction, Service } from '@/api/services';
import type { FieldError } from '@/api/request';
import type { Column, TagType } from '@/components/dataList';
import type { FormDialogSpec, FormField } from '@/components/formFields';

export const CATEGORIES = ['childcare', 'entrepreneurship', 'social_work', 'psychology', 'legal', 'employment', 'elder_care', 'dating', 'other'] as const;
export const DELIVERIES = ['venue', 'online', 'visit'] as const;

function ages(s: Service, t: (k: string, n?: Record<string, unknown>) => string): string {
  if (s.min_age === null && s.max_age === null) return t('services.ages.any');
  return t('services.ages.range', { min: s.min_age ?? 0, max: s.max_age ?? '∞' });
}

export const SERVICE_COLUMNS: Column<Service>[] = [
  { key: 'name', label: 'services.fields.name', text: (s) => s.name, to: (s) => `/services/${s.id}`, card: 'title', minWidth: 180, testid: 'service-name' },
  { key: 'category', label: 'services.fields.category', text: (s, t) => t(`services.categories.${s.category}`), card: 'head', width: 120 },
  { key: 'organization', label: 'services.fields.organization', text: (s) => s.organization_name, card: 'meta', minWidth: 160 },
  { key: 'ages', label: 'services.fields.ages', text: (s, t) => ages(s, t), card: 'meta', width: 110 },
  { key: 'kind', label: 'services.fields.kind', text: (s, t) => t(`services.kinds.${s.kind}`), card: 'meta', width: 100 },
];

const STATUS_TAG: Record<string, TagType> = {
  submitted: 'warning',
  accepted: 'primary',
  in_service: 'primary',
  completed: 'success',
  rejected: 'danger',
  withdrawn: 'info',
};

export const APPLICATION_COLUMNS: Column<Application>[] = [
  { key: 'service', label: 'services.fields.service', text: (a) => a.service_name, to: (a) => `/app/services/applications/${a.id}`, card: 'title', minWidth: 160, testid: 'application-open' },
  { key: 'status', label: 'services.fields.status', text: (a, t) => t(`services.status.${a.status}`), tag: (a) => STATUS_TAG[a.status] ?? 'info', card: 'head', width: 100, testid: 'application-status' },
  { key: 'applicant', label: 'services.fields.applicant', text: (a) => a.applicant_name, card: 'meta', width: 120 },
  { key: 'created_at', label: 'services.fields.submitted', text: (a) => a.created_at.slice(0, 10), card: 'meta', width: 110 },
  {
    key: 'answers',
    label: 'services.fields.answers',
    text: (a) => a.questions.filter((q) => a.answers[q.key]).map((q) => `${q.label}：${a.answers[q.key]}`).join('；'),
    minWidth: 220,
  },
];

export interface ServiceFormModel {
  name: string;
  category: string;
  description: string;
  kind: string;
  delivery: string;
  min_age: number | undefined;
  max_age: number | undefined;
}

export const SERVICE_FIELDS: FormField<ServiceFormModel>[] = [
  { key: 'name', kind: 'text', label: 'services.fields.name', required: true, maxlength: 100 },
  { key: 'category', kind: 'select', label: 'services.fields.category', required: true, options: CATEGORIES.map((c) => ({ value: c, label: `services.categories.${c}` })) },
  { key: 'description', kind: 'textarea', label: 'services.fields.description', required: true, maxlength: 2000 },
  { key: 'kind', kind: 'radio', label: 'services.fields.kind', required: true, options: [{ value: 'applications', label: 'services.kinds.applications' }, { value: 'enrollment', label: 'services.kinds.enrollment' }] },
  { key: 'delivery', kind: 'select', label: 'services.fields.delivery', required: true, options: DELIVERIES.map((d) => ({ value: d, label: `services.deliveries.${d}` })) },
  { key: 'min_age', kind: 'number', label: 'services.fields.min_age', half: true, attrs: { min: 0, max: 120 } },
  { key: 'max_age', kind: 'number', label: 'services.fields.max_age', half: true, attrs: { min: 0, max: 120 } },
];

export const SERVICE_DIALOG: FormDialogSpec<ServiceFormModel> = { fields: SERVICE_FIELDS, testid: 'service-form', fieldTestidPrefix: 'service-field-' };

export function emptyServiceForm(): ServiceFormModel {
  return { name: '', category: 'social_work', description: '', kind: 'applications', delivery: 'venue', min_age: undefined, max_age: undefined };
}

/** The POST body; an application service asks one open question (more through the API). */
export function newService(m: ServiceFormModel, needLabel: string): NewService {
  const kind = m.kind as NewService['kind'];
  return {
    name: m.name.trim(),
    category: m.category as NewService['category'],
    description: m.description.trim(),
    kind,
    delivery: m.delivery as NewService['delivery'],
    ...(m.min_age !== undefined && m.min_age !== null ? { min_age: Number(m.min_age) } : {}),
    ...(m.max_age !== undefined && m.max_age !== null ? { max_age: Number(m.max_age) } : {}),
    ...(kind === 'applications' ? { questions: [{ key: 'need', label: needLabel, type: 'text' as const, required: true }] } : {}),
  };
}

/** The `accept` attribute of a file question's input (the server sniffs the bytes anyway). */
export function acceptAttribute(q: Question): string {
  return (q.accept ?? []).map((t) => `.${t}${t === 'jpg' ? ',.jpeg' : ''}`).join(',');
}

/** The apply form's fields, from the service's questions (keys are the question keys). */
export function answerFields(questions: readonly Question[]): FormField<Record<string, string>>[] {
  return questions.map((q) => {
    // A file question is drawn by the page (`#field-<key>`): the file is sent when chosen.
    const kind = q.type === 'choice' ? 'select' : q.type === 'date' ? 'date' : q.type === 'file' ? 'custom' : 'text';
    return {
      key: q.key,
      kind,
      // The question's own words: i18n gives a text that is not a key back as it is.
      label: q.label,
      required: q.required,
      options: q.options.map((o) => ({ value: o, text: o })),
      inputmode: q.type === 'number' ? 'decimal' : undefined,
      testid: `answer-${q.key}`,
    } as FormField<Record<string, string>>;
  });
}

export interface EnrollFormModel {
  session_id: number | '';
  participant_name: string;
  participant_birth_date: string;
  guardian_consent: boolean;
}

export const ENROLL_FIELDS: FormField<EnrollFormModel, { sessions: { value: number; text: string }[] }>[] = [
  { key: 'session_id', kind: 'select', label: 'services.enroll.session', required: true, options: (c) => c.sessions },
  { key: 'participant_name', kind: 'text', label: 'services.enroll.name', required: true, maxlength: 50 },
  { key: 'participant_birth_date', kind: 'text', label: 'services.enroll.birth', required: true, placeholder: 'common.form.datePlaceholder', maxlength: 10 },
  { key: 'guardian_consent', kind: 'checkbox', label: 'services.enroll.consent' },
];

export interface MessageFormModel {
  body: string;
}
export const MESSAGE_FIELDS: FormField<MessageFormModel>[] = [
  { key: 'body', kind: 'textarea', label: 'services.messages.body', required: true, maxlength: 2000, attrs: { rows: 3 } },
];

export interface RatingFormModel {
  score: number | '';
  comment: string;
}
export const RATING_FIELDS: FormField<RatingFormModel>[] = [
  { key: 'score', kind: 'segmented', label: 'services.rating.score', required: true, options: [1, 2, 3, 4, 5].map((n) => ({ value: n, text: String(n), testid: `rating-score-${n}` })) },
  { key: 'comment', kind: 'textarea', label: 'services.rating.comment', maxlength: 500, attrs: { rows: 2 } },
];

/** Completed ÷ closed as a percentage, or — before anything closed. */
export function completionRate(s: Satisfaction): string {
  return s.completion_rate === null ? '—' : `${Math.round(s.completion_rate * 100)}%`;
}

/** The median time to a first answer: hours under two days, days above; — before any answer. */
export function medianHours(s: Satisfaction, t: (k: string, n?: Record<string, unknown>) => string): string {
  const h = s.median_first_response_hours;
  if (h === null) return '—';
  return h < 48 ? t('services.satisfaction.hours', { n: h.toFixed(1) }) : t('services.satisfaction.days', { n: (h / 24).toFixed(1) });
}

/** The bar chart of ratings 1–5. */
export function ratingChartOption(distribution: readonly number[], seriesName: string) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: seriesName, type: 'bar', data: [...distribution], itemStyle: { color: '#c8161d' } }],
  };
}

// The form builder (questions.vue): one editable row per question.
export const QUESTION_TYPES = ['text', 'choice', 'date', 'number', 'file'] as const;
export const FILE_TYPES = ['pdf', 'jpg', 'png', 'gif', 'webp', 'docx', 'xlsx', 'pptx', 'doc', 'zip', 'txt'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface BuilderRow {
  /** Stable while editing (v-for key). */
  uid: number;
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** Choices, one a line. */
  options: string;
  accept: string[];
  max_kb: number;
}

let nextUid = 1;

export function builderRows(questions: readonly Question[]): BuilderRow[] {
  return questions.map((q) => ({
    uid: nextUid++,
    key: q.key,
    label: q.label,
    type: q.type,
    required: q.required,
    options: q.options.join('\n'),
    accept: [...(q.accept ?? [])],
    max_kb: q.max_kb ?? 2048,
  }));
}

/** A new text question with a key no other row has (q1, q2, …). */
export function newRow(rows: readonly BuilderRow[]): BuilderRow {
  let n = rows.length + 1;
  while (rows.some((r) => r.key === `q${n}`)) n++;
  return { uid: nextUid++, key: `q${n}`, label: '', type: 'text', required: false, options: '', accept: ['pdf', 'jpg', 'png'], max_kb: 2048 };
}

export function moveRow(rows: readonly BuilderRow[], i: number, by: -1 | 1): BuilderRow[] {
  const j = i + by;
  if (j < 0 || j >= rows.length) return [...rows];
  const out = [...rows];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** The PUT body's questions: choices only for a choice, types and size only for a file. */
export function toQuestionInputs(rows: readonly BuilderRow[]): QuestionInput[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.label.trim(),
    type: r.type,
    required: r.required,
    ...(r.type === 'choice' ? { options: r.options.split('\n').map((o) => o.trim()).filter(Boolean) } : {}),
    ...(r.type === 'file' ? { accept: [...r.accept] as QuestionInput['accept'], max_kb: r.max_kb } : {}),
  }));
}

/** The server's errors on rows ("questions[2].options") by that name; the others apart. */
export function rowErrors(errors: readonly FieldError[]): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of errors) {
    if (/^questions\[\d+\]\./.test(e.field)) byField[e.field] = byField[e.field] ? `${byField[e.field]}; ${e.message}` : e.message;
    else rest.push(e.message);
  }
  return { byField, rest };
}

// Attendance (attendance.vue): the day and each child's mark (null: not marked).
export interface AttendanceModel {
  day: string;
  marks: Record<number, boolean | null>;
}
/** The marks to send: the children marked present or absent (the day is replaced by these). */
export function attendanceMarks(marks: Record<number, boolean | null>): { enrollment_id: number; present: boolean }[] {
  return Object.entries(marks)
    .filter((e): e is [string, boolean] => e[1] !== null && e[1] !== undefined)
    .map(([id, present]) => ({ enrollment_id: Number(id), present }));
}
export function attendanceSummary(marks: Record<number, boolean | null>): { present: number; marked: number } {
  const marked = attendanceMarks(marks);
  return { present: marked.filter((m) => m.present).length, marked: marked.length };
}

/** An attendance rate as a percentage; — before anything is marked. */
export function attendanceRate(f: EnrollmentFigures): string {
  return f.attendance_rate === null ? '—' : `${Math.round(f.attendance_rate * 100)}%`;
}
/** The bar chart of each enrollment service's attendance rate (%). */
export function attendanceChartOption(services: readonly ({ service_name: string } & EnrollmentFigures)[], seriesName: string) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 24, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: services.map((s) => s.service_name) },
    yAxis: { type: 'value', max: 100 },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: services.map((s) => (s.attendance_rate === null ? 0 : Math.round(s.attendance_rate * 1000) / 10)),
        itemStyle: { color: '#c8161d' },
      },
    ],
  };
}
