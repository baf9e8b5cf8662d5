import { Input, Tabs, Textarea, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RichTextField } from './rich-text-field.js';

export type LocalValue = { vi?: string | undefined; en?: string | undefined };
const LANGUAGES = ['vi', 'en'] as const;

interface LocalTextFieldProps {
  label: string;
  description?: string;
  value: LocalValue;
  onChange: (value: LocalValue) => void;
  error?: string | undefined;
  /** text: one line; area: plain paragraphs; rich: the TipTap editor. */
  variant: 'text' | 'area' | 'rich';
  maxLength?: number;
  required?: boolean;
  testId?: string;
}

/** One text in Vietnamese and English, a tab per language (Vietnamese first); at least one language is needed. */
export function LocalTextField({ label, description, value, onChange, error, variant, maxLength, required, testId }: LocalTextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Input.Wrapper label={label} description={description} error={error} required={required} id={id}>
      <Tabs defaultValue={value.vi || !value.en ? 'vi' : 'en'} mt={4} keepMounted={false}>
        <Tabs.List>
          {LANGUAGES.map((lang) => (
            <Tabs.Tab key={lang} value={lang} data-testid={testId ? `${testId}-tab-${lang}` : undefined}>
              {t(`exchange.languages.${lang}`)}
              {value[lang] ? ' ✓' : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {LANGUAGES.map((lang) => {
          const fieldLabel = `${label} (${t(`exchange.languages.${lang}`)})`;
          const change = (text: string) => onChange({ ...value, [lang]: text });
          return (
            <Tabs.Panel key={lang} value={lang} pt="xs">
              {variant === 'rich' ? (
                <RichTextField label={fieldLabel} value={value[lang] ?? ''} onChange={change} testId={testId ? `${testId}-${lang}` : undefined} />
              ) : variant === 'area' ? (
                <Textarea aria-label={fieldLabel} value={value[lang] ?? ''} onChange={(event) => change(event.currentTarget.value)} autosize minRows={3} maxLength={maxLength} data-testid={testId ? `${testId}-${lang}` : undefined} />
              ) : (
                <TextInput aria-label={fieldLabel} value={value[lang] ?? ''} onChange={(event) => change(event.currentTarget.value)} maxLength={maxLength} data-testid={testId ? `${testId}-${lang}` : undefined} />
              )}
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Input.Wrapper>
  );
}
