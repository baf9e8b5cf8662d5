import { Alert, Button, Container, Group, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageHeader } from '../../components/page-header.js';
import { formatNumber } from '../../lib/format.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { fetchAllSectors, localized, useSectorList, type CatalogSectorDetail } from '../catalog/catalog-api.js';
import { classifyText, TEXT_MAX, type ClassificationResult } from './classification-api.js';
import { ClassificationResultView } from './classification-result.js';

/** Public page "Kiểm tra công nghệ": describe a technology, see the priority sectors it fits and list resemblances. */
export function CheckTechnologyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('classification.title'));
  const form = useFormFields({ text: '' });
  const [codes, setCodes] = useState<string[]>([]);
  const [submittedText, setSubmittedText] = useState('');
  const options = useCatalogOptions();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const submit = useFormSubmit<{ text: string }, ClassificationResult>(
    form,
    async (values) => {
      const answer = await classifyText({ text: values.text, ...(codes.length ? { catalogCodes: codes } : {}) });
      setSubmittedText(values.text.trim());
      return answer;
    },
    { validate: (values) => ({ text: values.text.trim() ? undefined : t('validation.required') }) },
  );
  const result = submit.result;

  // Announce and reach the result: focus its heading once it arrives.
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const used = form.values.text.length;
  return (
    <Container size="lg" py="xl">
      <PageHeader title={t('classification.title')} description={t('classification.intro')} />
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="check-form">
        <Stack gap="md">
          <Textarea
            {...form.input('text')}
            label={t('classification.form.textLabel')}
            description={t('classification.form.textHint')}
            placeholder={t('classification.form.textPlaceholder')}
            autosize
            minRows={5}
            maxRows={14}
            maxLength={TEXT_MAX}
            required
            aria-describedby="check-text-counter"
            data-testid="check-text"
          />
          <Text id="check-text-counter" size="xs" c={used >= TEXT_MAX ? 'red.8' : 'dimmed'} ta="right" mt={-8} aria-live="polite">
            {t('classification.form.counter', { used: formatNumber(used, i18n.language), max: formatNumber(TEXT_MAX, i18n.language) })}
          </Text>
          <MultiSelect
            label={t('classification.form.codesLabel')}
            description={t('classification.form.codesHint')}
            placeholder={codes.length ? undefined : t('classification.form.codesPlaceholder')}
            data={options}
            value={codes}
            onChange={setCodes}
            searchable
            clearable
            maxValues={5}
            nothingFoundMessage={t('catalog.noMatch')}
            comboboxProps={{ withinPortal: true }}
            data-testid="check-codes"
          />
          <ErrorAlert error={submit.error} />
          <Group gap="sm">
            <Button type="submit" loading={submit.isSubmitting} data-testid="check-submit" w={{ base: '100%', xs: 'auto' }}>
              {t('classification.form.submit')}
            </Button>
            <Button
              type="button"
              variant="default"
              onClick={() => {
                form.setValues({ text: '' });
                form.setErrors({});
                setCodes([]);
                submit.reset();
              }}
              w={{ base: '100%', xs: 'auto' }}
              data-testid="check-clear"
            >
              {t('classification.form.clear')}
            </Button>
          </Group>
        </Stack>
      </form>

      {result ? (
        <ClassificationResultView result={result} text={submittedText} headingRef={resultHeading} />
      ) : (
        <Alert variant="light" color="gray" mt="xl" title={t('classification.advisoryTitle')}>
          {t('classification.advisoryNote')}
        </Alert>
      )}
    </Container>
  );
}

/** Sectors and their technology directions as picker groups ("1.3 …" then "1.3.4 …"). */
function useCatalogOptions() {
  const { t, i18n } = useTranslation();
  const list = useSectorList();
  const [details, setDetails] = useState<CatalogSectorDetail[]>([]);
  const codes = list.data?.sectors.map((sector) => sector.code).join(',');
  useEffect(() => {
    if (!codes) return;
    const controller = new AbortController();
    fetchAllSectors(codes.split(','), controller.signal)
      .then(setDetails)
      .catch(() => undefined); // the picker is optional: without it the page still classifies
    return () => controller.abort();
  }, [codes]);
  return useMemo(
    () =>
      details.map((sector) => ({
        group: `${sector.code} ${localized(i18n.language, sector.nameVi, sector.nameEn)}`,
        items: [
          { value: sector.code, label: t('classification.form.wholeSector', { code: sector.code, name: localized(i18n.language, sector.nameVi, sector.nameEn) }) },
          ...sector.items.map((item) => ({ value: item.code, label: `${item.code} ${localized(i18n.language, item.nameVi, item.nameEn)}` })),
        ],
      })),
    [details, i18n.language, t],
  );
}
