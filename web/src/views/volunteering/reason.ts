import type { FormDialogSpec } from '@/components/formFields';

/**
 * A rejection's dialog: one required reason the person will see (the server answers 422 on
 * `reason` without one). Test ids: `<prefix>-dialog`, `<prefix>-reason`, `<prefix>-save`.
 */
export function reasonDialog(prefix: string): FormDialogSpec<{ reason: string }> {
  return {
    fields: [
      {
        key: 'reason',
        kind: 'text',
        label: 'volunteering.approvals.reason',
        required: true,
        maxlength: 200,
        check: { message: 'volunteering.approvals.reasonRequired', whitespace: true },
        testid: `${prefix}-reason`,
      },
    ],
    testid: `${prefix}-dialog`,
    submitTestid: `${prefix}-save`,
    submitLabel: 'volunteering.approvals.reject',
    submitType: 'danger',
    width: 'min(420px, 94vw)',
  };
}
