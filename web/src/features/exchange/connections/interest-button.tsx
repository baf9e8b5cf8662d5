import { Alert, Button, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterestState } from '../../../../../common/src/api/exchange-connections.js';
import { useSession } from '../../../app/session.js';
import { AnchorLink, ButtonLink } from '../../../components/links.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FormButtons } from '../../../components/form-buttons.js';
import { api } from '../../../lib/api.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useFormFields, useFormSubmit } from '../../../lib/forms.js';

export interface InterestButtonProps {
  listingId: string;
  listingTitle?: string;
  disabled?: boolean;
}

const EMPTY = { cooperationSought: '', missingInformation: '', aboutUs: '' };

/**
 * "Express interest" on a published listing (issue 4 §6): a dialog with the three standard questions. Anonymous
 * readers get a sign-in button; a reader who already has an open connection gets a link to it; the listing's owner
 * and readers without the exchange.connect permission see nothing.
 */
export function InterestButton({ listingId, listingTitle, disabled }: InterestButtonProps) {
  const { t } = useTranslation();
  const { isSignedIn, hasPermission } = useSession();
  const href = useRouterState({ select: (state) => state.location.href });
  const mayConnect = isSignedIn && hasPermission('exchange.connect');
  const state = useApiQuery<InterestState>(mayConnect ? `/exchange/listings/${listingId}/interest` : null);
  const [opened, setOpened] = useState(false);
  const [sentId, setSentId] = useState<string | null>(null);
  const form = useFormFields(EMPTY);

  const submit = useFormSubmit(
    form,
    async (values) => {
      const answer = await api.post<{ id: string }>(`/exchange/listings/${listingId}/interest`, {
        cooperationSought: values.cooperationSought.trim(),
        missingInformation: values.missingInformation.trim(),
        aboutUs: values.aboutUs.trim(),
      });
      form.setValues(EMPTY);
      setSentId(answer.id);
      setOpened(false);
      state.reload();
      return answer;
    },
    {
      validate: (values) => ({
        cooperationSought: values.cooperationSought.trim().length < 10 ? t('validation.too_small_string', { minimum: 10 }) : undefined,
        missingInformation: values.missingInformation.trim().length < 1 ? t('validation.required') : undefined,
        aboutUs: values.aboutUs.trim().length < 10 ? t('validation.too_small_string', { minimum: 10 }) : undefined,
      }),
    },
  );

  if (!isSignedIn) {
    return (
      <ButtonLink to="/sign-in" search={{ next: href }} variant="light" data-testid="interest-sign-in">
        {t('exchangeConnections.interest.signIn')}
      </ButtonLink>
    );
  }
  if (!mayConnect || !state.data) return null;
  const { reason, connectionId } = state.data;
  if (reason === 'own_listing' || reason === 'not_allowed') return null;
  const existingId = sentId ?? connectionId;
  if (existingId) {
    return (
      <Stack gap={4}>
        {sentId ? (
          <Alert color="green" variant="light" data-testid="interest-sent">
            {t('exchangeConnections.interest.sent')}
          </Alert>
        ) : null}
        <AnchorLink to="/exchange/connections/$id" params={{ id: existingId }} data-testid="interest-open-connection">
          {t('exchangeConnections.interest.openConnection')}
        </AnchorLink>
      </Stack>
    );
  }

  const close = () => {
    submit.reset();
    form.setErrors({});
    setOpened(false);
  };
  const notPublished = reason === 'not_published';

  return (
    <>
      <Tooltip label={t('exchangeConnections.interest.notPublished')} disabled={!notPublished}>
        <Button onClick={() => setOpened(true)} disabled={disabled || notPublished} data-testid="interest-button">
          {t('exchangeConnections.interest.button')}
        </Button>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={t('exchangeConnections.interest.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="interest-form">
          <Stack gap="md">
            {listingTitle ? (
              <Text fw={600} data-testid="interest-listing-title">
                {listingTitle}
              </Text>
            ) : null}
            <Text size="sm">{t('exchangeConnections.interest.intro')}</Text>
            <ErrorAlert error={submit.error} />
            <Textarea
              label={t('exchangeConnections.questions.cooperationSought')}
              description={t('exchangeConnections.questions.cooperationSoughtHint')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              {...form.input('cooperationSought')}
              data-testid="interest-cooperation"
            />
            <Textarea
              label={t('exchangeConnections.questions.missingInformation')}
              description={t('exchangeConnections.questions.missingInformationHint')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              {...form.input('missingInformation')}
              data-testid="interest-missing"
            />
            <Textarea
              label={t('exchangeConnections.questions.aboutUs')}
              description={t('exchangeConnections.questions.aboutUsHint')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              {...form.input('aboutUs')}
              data-testid="interest-about"
            />
            <FormButtons onCancel={close} label={t('exchangeConnections.interest.submit')} submitting={submit.isSubmitting} testId="interest-submit" />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
