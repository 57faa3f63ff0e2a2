// The correction request's declarations (申请更正): a new name and/or identity number and the
// reason; an admin of a committee above the branch approves it (people.json "correction").
import type { CorrectionRequest } from '@/api/people';
import type { FormDialogSpec, FormField } from '@/components/formFields';

export interface CorrectionFormModel {
  name: string;
  identity_number: string;
  reason: string;
}

export const emptyCorrectionForm = (): CorrectionFormModel => ({ name: '', identity_number: '', reason: '' });

export const CORRECTION_FIELDS: FormField<CorrectionFormModel>[] = [
  { key: 'note-what', kind: 'note', label: 'people.correction.note' },
  { key: 'name', kind: 'text', label: 'people.correction.name', maxlength: 50 },
  { key: 'identity_number', kind: 'text', label: 'people.correction.identity', maxlength: 18, attrs: { autocomplete: 'off' } },
  {
    key: 'reason',
    kind: 'textarea',
    label: 'people.correction.reason',
    required: true,
    maxlength: 500,
    check: { message: 'people.correction.reasonRequired', whitespace: true },
    attrs: { rows: 3 },
  },
];

export const CORRECTION_DIALOG: FormDialogSpec<CorrectionFormModel> = {
  fields: CORRECTION_FIELDS,
  testid: 'correction-form',
  submitTestid: 'correction-submit',
  submitLabel: 'people.correction.submit',
  fieldTestidPrefix: 'correction-',
  width: 'min(520px, 96vw)',
};

/** The POST body: only what is filled in (the server asks for at least one of name and identity). */
export function correctionInput(m: CorrectionFormModel): CorrectionRequest {
  const name = m.name.trim();
  const identity = m.identity_number.trim();
  return { ...(name ? { name } : {}), ...(identity ? { identity_number: identity.toUpperCase() } : {}), reason: m.reason.trim() };
}
