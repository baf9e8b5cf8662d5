import { Alert, Button, List, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SAVED_SEARCH_FREQUENCIES, type SavedSearch } from '../../../../../common/src/api/exchange-saved.js';
import type { ExchangeSearchInput } from '../../../../../common/src/api/exchange-search.js';
import { useSession } from '../../../app/session.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FormButtons } from '../../../components/form-buttons.js';
import { AnchorLink, ButtonLink } from '../../../components/links.js';
import { api } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';
import { useFormFields, useFormSubmit } from '../../../lib/forms.js';
import { criteriaOf, savedQueryOf } from './saved-search-labels.js';

export interface SaveSearchButtonProps {
  /** The current search (the search page's URL parameters); page and page size are not kept. */
  query: Partial<ExchangeSearchInput>;
}

/**
 * "Save search" on the exchange search page: names the current search and chooses a daily or weekly e-mail digest.
 * A visitor is sent to sign in and comes back to the same search.
 */
export function SaveSearchButton({ query }: SaveSearchButtonProps) {
  const { t } = useTranslation();
  const { session, hasPermission } = useSession();
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  if (!session) return null;
  if (session.state === 'anonymous') {
    return (
      <ButtonLink to="/sign-in" search={{ next: router.state.location.href }} variant="light" data-testid="save-search-sign-in">
        {t('exchangeSaved.save.signIn')}
      </ButtonLink>
    );
  }
  if (!hasPermission('exchange.searches.save')) return null;
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)} data-testid="save-search-open">
        {t('exchangeSaved.save.button')}
      </Button>
      {opened ? <SaveSearchModal query={query} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

function SaveSearchModal({ query, onClose }: SaveSearchButtonProps & { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const criteria = criteriaOf(t, query);
  const form = useFormFields({
    name: (query.q ?? '').slice(0, 120) || t('exchangeSaved.save.defaultName', { date: formatDate(new Date().toISOString(), i18n.language) }),
    frequency: 'weekly',
  });
  const [saved, setSaved] = useState<SavedSearch | null>(null);
  const submit = useFormSubmit(
    form,
    async (values) => {
      setSaved(await api.post<SavedSearch>('/exchange/saved-searches', { name: values.name.trim(), frequency: values.frequency, query: savedQueryOf(query) }));
    },
    { validate: (values) => ({ name: values.name.trim() ? undefined : t('validation.required') }) },
  );

  return (
    <Modal opened onClose={onClose} title={t('exchangeSaved.save.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {saved ? (
        <Stack gap="md" data-testid="save-search-done">
          <Alert color="teal">{t('exchangeSaved.save.saved', { name: saved.name })}</Alert>
          <AnchorLink to="/exchange/saved-searches">{t('exchangeSaved.save.manage')}</AnchorLink>
        </Stack>
      ) : (
        <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="save-search-form">
          <Stack gap="md">
            <Text size="sm">{t('exchangeSaved.save.intro')}</Text>
            <ErrorAlert error={submit.error} />
            <div>
              <Text size="sm" fw={500}>
                {t('exchangeSaved.save.criteria')}
              </Text>
              <List size="sm">
                {criteria.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </div>
            <TextInput label={t('exchangeSaved.save.name')} required maxLength={120} {...form.input('name')} />
            <NativeSelect
              label={t('exchangeSaved.save.frequency')}
              data={SAVED_SEARCH_FREQUENCIES.map((f) => ({ value: f, label: t(`exchangeSaved.frequencies.${f}`) }))}
              {...form.input('frequency')}
            />
            <FormButtons onCancel={onClose} label={t('exchangeSaved.save.submit')} submitting={submit.isSubmitting} testId="save-search-submit" />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
