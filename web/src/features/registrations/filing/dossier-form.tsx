import { Button, Card, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DataStep } from '../../../../../common/src/api/registration-dossier.js';
import { CountrySelect } from '../../../components/country-select.js';
import { emptyItem, getPath, withPath, type Field, type FormValues } from './dossier-steps.js';

export interface DossierFieldsProps {
  step: DataStep;
  fields: Field[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Field path (as the server names it, e.g. payments.0.ratePercent) → message. */
  errors: Record<string, string>;
  /** Prefix of the paths (inside a list item or a group). */
  prefix?: string;
  /** The values the `when` conditions read (the step's, or the list item's). */
  scope?: FormValues;
}

/** Label key of a field: list indices dropped (payments.0.amount → payments.amount). */
const labelKey = (step: DataStep, path: string) => `registrationFiling.fields.${step}.${path.replace(/\.\d+(?=\.|$)/g, '')}`;

/** The inputs of one step from its field list (labels, options and errors from the catalogs and the server). */
export function DossierFields({ step, fields, values, onChange, errors, prefix = '', scope }: DossierFieldsProps) {
  const { t } = useTranslation();
  const here = scope ?? values;
  const full = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const set = (path: string, value: unknown) => onChange(withPath(values, full(path), value));
  const get = (path: string) => getPath(values, full(path));

  const render = (field: Field) => {
    const path = full(field.path);
    const label = t(field.kind === 'group' || field.kind === 'list' ? `${labelKey(step, path)}.title` : labelKey(step, path));
    const common = { label, error: errors[path], 'data-testid': `field-${path}` };
    const span = { style: field.span === 2 ? { gridColumn: '1 / -1' } : undefined };
    switch (field.kind) {
      case 'heading':
        return (
          <Title key={path} order={3} fz="md" mt="sm" {...span}>
            {label}
          </Title>
        );
      case 'text':
      case 'date':
        return <TextInput key={path} {...common} {...span} type={field.kind === 'date' ? 'date' : 'text'} withAsterisk={field.required} value={String(get(field.path) ?? '')} onChange={(event) => set(field.path, event.currentTarget.value)} />;
      case 'textarea':
        return <Textarea key={path} {...common} {...span} withAsterisk={field.required} autosize minRows={3} value={String(get(field.path) ?? '')} onChange={(event) => set(field.path, event.currentTarget.value)} />;
      case 'number':
        if (field.when && !field.when(here)) return null;
        return <TextInput key={path} {...common} {...span} inputMode="decimal" withAsterisk={field.required} value={String(get(field.path) ?? '')} onChange={(event) => set(field.path, event.currentTarget.value)} />;
      case 'select':
        return (
          <Select
            key={path}
            {...common}
            {...span}
            withAsterisk={field.required}
            data={field.options.map((value) => ({ value, label: t(`registrationFiling.options.${field.optionSet}.${value}`) }))}
            value={(get(field.path) as string) || null}
            onChange={(value) => set(field.path, value ?? '')}
            allowDeselect={false}
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            key={path}
            {...common}
            {...span}
            withAsterisk={field.required}
            data={field.options.map((value) => ({ value, label: t(`registrationFiling.options.${field.optionSet}.${value}`) }))}
            value={(get(field.path) as string[]) ?? []}
            onChange={(value) => set(field.path, value)}
          />
        );
      case 'country':
        return <CountrySelect key={path} {...common} {...span} withAsterisk={field.required} value={String(get(field.path) ?? '')} onChange={(code) => set(field.path, code)} />;
      case 'bool':
        return <Checkbox key={path} {...span} label={label} error={errors[path]} data-testid={`field-${path}`} checked={get(field.path) === true} onChange={(event) => set(field.path, event.currentTarget.checked)} mt="sm" />;
      case 'group':
        if (!field.when(here)) return null;
        return (
          <Card key={path} withBorder padding="md" {...span}>
            <Title order={3} fz="md" mb="sm">
              {label}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DossierFields step={step} fields={field.fields} values={values} onChange={onChange} errors={errors} prefix={path} scope={getPath(values, path) as FormValues} />
            </SimpleGrid>
          </Card>
        );
      case 'list':
        if (field.when && !field.when(here)) return null;
        return <ListField key={path} step={step} field={field} path={path} values={values} onChange={onChange} errors={errors} />;
    }
  };

  return <>{fields.map(render)}</>;
}

function ListField({ step, field, path, values, onChange, errors }: { step: DataStep; field: Extract<Field, { kind: 'list' }>; path: string; values: FormValues; onChange: (values: FormValues) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const items = (getPath(values, path) as FormValues[]) ?? [];
  const label = t(`${labelKey(step, path)}.title`);
  return (
    <Stack gap="sm" style={{ gridColumn: '1 / -1' }} data-testid={`list-${path}`}>
      <Title order={3} fz="md">
        {label}
      </Title>
      {errors[path] ? (
        <Group c="red" fz="sm" role="alert">
          {errors[path]}
        </Group>
      ) : null}
      {items.map((item, index) => (
        <Card key={index} withBorder padding="md" aria-label={t('registrationFiling.form.itemLabel', { label, number: index + 1 })} component="fieldset">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DossierFields step={step} fields={field.fields} values={values} onChange={onChange} errors={errors} prefix={`${path}.${index}`} scope={item} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" color="red" size="xs" onClick={() => onChange(withPath(values, path, items.filter((_, i) => i !== index)))} data-testid={`remove-${path}-${index}`}>
              {t('registrationFiling.form.removeItem', { number: index + 1 })}
            </Button>
          </Group>
        </Card>
      ))}
      <Group>
        <Button variant="light" size="sm" onClick={() => onChange(withPath(values, path, [...items, emptyItem(field.fields)]))} data-testid={`add-${path}`}>
          {t(`registrationFiling.form.${field.addLabel}`)}
        </Button>
      </Group>
    </Stack>
  );
}
