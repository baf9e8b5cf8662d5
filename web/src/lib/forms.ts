import type { TFunction } from 'i18next';
import { useCallback, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, type FieldErrorOptions } from './errors.js';

type Values = Record<string, string>;

/** Field name → message; `undefined` clears a field's message. */
export type FieldMessages = Record<string, string | undefined>;

/** What `input(name)` spreads onto a Mantine input. */
export interface FieldInputProps {
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
  error: string | undefined;
}

export interface FormFields<T extends Values> {
  values: T;
  setValues: (values: T) => void;
  setValue: (name: keyof T & string, value: string) => void;
  errors: FieldMessages;
  setErrors: (errors: FieldMessages) => void;
  input: (name: keyof T & string) => FieldInputProps;
}

/** Plain controlled-form state: values, per-field errors, and props for Mantine inputs. */
export function useFormFields<T extends Values>(initial: T): FormFields<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldMessages>({});

  const setValue = useCallback((name: keyof T & string, value: string) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => (previous[name] ? { ...previous, [name]: undefined } : previous));
  }, []);

  const input = (name: keyof T & string): FieldInputProps => ({
    name,
    value: values[name] ?? '',
    onChange: (event) => setValue(name, event.currentTarget.value),
    error: errors[name],
  });

  return { values, setValues, setValue, errors, setErrors, input };
}

/**
 * Runs an async form action, with a loading flag, the last error and what the last successful run returned
 * (`result`, e.g. the address a message went to; cleared when the form is submitted again).
 */
export function useSubmit<R = void>(action: () => Promise<R | undefined>) {
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<R | undefined>(undefined);
  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isSubmitting) return;
    setIsSubmitting(true);
    setError(null);
    setResult(undefined);
    try {
      const value = await action();
      setResult(() => value);
    } catch (cause) {
      setError(cause);
    } finally {
      setIsSubmitting(false);
    }
  };
  /** Forgets the last error and result (a dialog that closes). */
  const reset = () => {
    setError(null);
    setResult(undefined);
  };
  return { onSubmit, isSubmitting, error, result, reset };
}

export interface FormSubmitOptions<T extends Values> {
  /** Client-side checks, a message per field; nothing is sent while any is set. */
  validate?: (values: T) => FieldMessages;
  /** Which API error codes go next to which field (password policy, wrong password, wrong code). */
  fieldErrors?: FieldErrorOptions;
  /** Replaces the usual mapping of an API error to field messages. */
  toFieldErrors?: (error: unknown) => FieldMessages;
}

/**
 * Submits a `useFormFields` form: `validate` first (messages next to the fields), then `send`. A failed request
 * puts its field messages next to the fields and stays in `error` for the form's alert.
 */
export function useFormSubmit<T extends Values, R = void>(
  form: FormFields<T>,
  send: (values: T) => Promise<R>,
  options: FormSubmitOptions<T> = {},
) {
  const { t } = useTranslation();
  return useSubmit<R>(async () => {
    if (options.validate) {
      const errors = options.validate(form.values);
      form.setErrors(errors);
      if (Object.values(errors).some(Boolean)) return undefined;
    }
    try {
      return await send(form.values);
    } catch (error) {
      form.setErrors(options.toFieldErrors ? options.toFieldErrors(error) : fieldErrorsOf(t, error, options.fieldErrors));
      throw error;
    }
  });
}

/** "At least N characters" when the trimmed value is shorter (names: 2, as the API requires). */
export function tooShort(t: TFunction, value: string, minimum = 2): string | undefined {
  return value.trim().length < minimum ? t('validation.too_small_string', { minimum }) : undefined;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
export const MIN_PASSWORD_LENGTH = 8;
