import { useCallback, useState, type ChangeEvent, type FormEvent } from 'react';

type Values = Record<string, string>;

/** Plain controlled-form state: values, per-field errors, and props for Mantine inputs. */
export function useFormFields<T extends Values>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const setValue = useCallback((name: keyof T & string, value: string) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => (previous[name] ? { ...previous, [name]: undefined } : previous));
  }, []);

  const input = (name: keyof T & string) => ({
    name,
    value: values[name] ?? '',
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValue(name, event.currentTarget.value),
    error: errors[name],
  });

  return { values, setValues, setValue, errors, setErrors, input };
}

/** Runs an async form action, with a loading flag and the last error. */
export function useSubmit(action: () => Promise<void>) {
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isSubmitting) return;
    setIsSubmitting(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(cause);
    } finally {
      setIsSubmitting(false);
    }
  };
  return { onSubmit, isSubmitting, error, setError };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim());
}

export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;
export const MIN_PASSWORD_LENGTH = 8;
