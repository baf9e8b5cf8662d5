import { Alert, Button, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_REASONS } from '../../../../../common/src/api/exchange-review.js';
import { useSession } from '../../../app/session.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { api } from '../../../lib/api.js';

/** "Report" on a published listing (any signed-in user with exchange.listings.report; the listings area's API). */
export function ReportButton({ listingId }: { listingId: string }) {
  const { t } = useTranslation();
  const { hasPermission } = useSession();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState<(typeof REPORT_REASONS)[number]>('misleading');
  const [details, setDetails] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [isSending, setIsSending] = useState(false);
  if (!hasPermission('exchange.listings.report')) return null;
  if (sent) {
    return (
      <Alert color="green" variant="light" data-testid="report-sent">
        {t('exchangeDetail.report.sent')}
      </Alert>
    );
  }
  const send = async () => {
    setError(null);
    setIsSending(true);
    try {
      await api.post(`/exchange/listings/${listingId}/reports`, { reason, details: details.trim() || undefined });
      setSent(true);
      setOpened(false);
    } catch (cause) {
      setError(cause);
    } finally {
      setIsSending(false);
    }
  };
  return (
    <>
      <Button variant="subtle" color="red" onClick={() => setOpened(true)} data-testid="report-open">
        {t('exchangeDetail.report.open')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('exchangeDetail.report.title')}>
        <Stack gap="sm" component="form" onSubmit={(event) => { event.preventDefault(); void send(); }}>
          <NativeSelect label={t('exchangeDetail.report.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value as typeof reason)} data={REPORT_REASONS.map((value) => ({ value, label: t(`exchangeReview.reason.${value}`) }))} data-testid="report-reason" />
          <Textarea label={t('exchangeDetail.report.details')} value={details} onChange={(event) => setDetails(event.currentTarget.value)} maxLength={2000} autosize minRows={3} />
          <ErrorAlert error={error} />
          <Button type="submit" color="red" loading={isSending} data-testid="report-submit">
            {t('exchangeDetail.report.submit')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
