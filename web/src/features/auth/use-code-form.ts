import { useTranslation } from 'react-i18next';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';

/**
 * Form of one authenticator code (sign-in step, enrolment): checks it has 6 digits (spaces ignored), sends the digits,
 * and shows a wrong or reused code next to the field.
 */
export function useCodeForm(send: (code: string) => Promise<void>) {
  const { t } = useTranslation();
  const form = useFormFields({ code: '' });
  const digits = (value: string) => value.replace(/\s/g, '');
  const submit = useFormSubmit(form, ({ code }) => send(digits(code)), {
    validate: ({ code }) => ({ code: /^\d{6}$/.test(digits(code)) ? undefined : t('auth.totpCodeFormat') }),
    fieldErrors: { codeField: 'code' },
  });
  return { form, submit };
}
