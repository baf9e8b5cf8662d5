import { Alert, Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTICLE_23_ITEMS, CHECKLIST_ANSWERS, OPTIONAL_ARTICLE_23_ITEMS, type Article23Item, type ChecklistAnswer } from '../../../../../common/src/api/registration-processing.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { formatDateTime } from '../../../lib/format.js';
import { saveReview, type StaffRegistrationDetail } from './processing-api.js';

interface ReviewPanelProps {
  detail: StaffRegistrationDetail;
  onSaved: () => void;
}

type Checklist = Partial<Record<Article23Item, ChecklistAnswer>>;

/** What still stops a certificate draft (the same rule as the server's reviewGaps). */
function gapsOf(checklist: Checklist, acknowledged: Record<string, boolean>, flagCodes: readonly string[]) {
  const items = ARTICLE_23_ITEMS.filter((item) => !(checklist[item] === 'present' || (checklist[item] === 'not_applicable' && OPTIONAL_ARTICLE_23_ITEMS.includes(item))));
  const flags = flagCodes.filter((code) => !acknowledged[code]);
  return { items: items.length, flags: flags.length };
}

/**
 * The officer's review of the contract (Law 07/2017 art. 23: 15 contents), an acknowledgement of each risk flag and
 * a note. Editable while the case is in review; saved with the case revision.
 */
export function ReviewPanel({ detail, onSaved }: ReviewPanelProps) {
  const { t, i18n } = useTranslation();
  const review = detail.review;
  const flagCodes = [...new Set(detail.riskFlags.map((flag) => flag.code))];
  const [checklist, setChecklist] = useState<Checklist>(review.checklist);
  const [acknowledged, setAcknowledged] = useState<Record<string, boolean>>(Object.fromEntries(review.flagAcknowledgements.map((ack) => [ack.code, true])));
  const [ackNotes, setAckNotes] = useState<Record<string, string>>(Object.fromEntries(review.flagAcknowledgements.map((ack) => [ack.code, ack.note ?? ''])));
  const [note, setNote] = useState(review.note ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = detail.staffActions.includes('save_review');
  const gaps = gapsOf(checklist, acknowledged, flagCodes);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await saveReview(detail.id, {
        revision: detail.revision,
        checklist,
        flagAcknowledgements: flagCodes.filter((code) => acknowledged[code]).map((code) => ({ code, ...(ackNotes[code]?.trim() ? { note: ackNotes[code].trim() } : {}) })),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setSaved(true);
      onSaved();
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="review-form">
      <Stack gap="sm">
        <Text size="sm">{t('registrationProcessing.review.intro')}</Text>
        {!editable ? (
          <Text size="sm" c="dimmed">
            {t('registrationProcessing.review.readOnly')}
          </Text>
        ) : null}
        {ARTICLE_23_ITEMS.map((item) => (
          <Radio.Group
            key={item}
            label={t(`registrationProcessing.review.items.${item}`)}
            value={checklist[item] ?? ''}
            onChange={(value) => setChecklist({ ...checklist, [item]: value as ChecklistAnswer })}
            data-testid={`review-item-${item}`}
          >
            <Group gap="md" mt={4}>
              {CHECKLIST_ANSWERS.filter((answer) => answer !== 'not_applicable' || OPTIONAL_ARTICLE_23_ITEMS.includes(item)).map((answer) => (
                <Radio key={answer} value={answer} label={t(`registrationProcessing.review.answers.${answer}`)} disabled={!editable} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        {flagCodes.length > 0 ? (
          <Stack gap={6} mt="sm">
            <Text fw={600} size="sm">
              {t('registrationProcessing.review.flags')}
            </Text>
            {flagCodes.map((code) => (
              <Stack key={code} gap={4}>
                <Checkbox
                  label={t('registrationProcessing.review.acknowledge', { flag: t(`registrationOversight.flags.codes.${code}.title`) })}
                  checked={acknowledged[code] ?? false}
                  onChange={(event) => setAcknowledged({ ...acknowledged, [code]: event.currentTarget.checked })}
                  disabled={!editable}
                  data-testid={`review-flag-${code}`}
                />
                {acknowledged[code] ? (
                  <TextInput
                    label={t('registrationProcessing.review.ackNote')}
                    value={ackNotes[code] ?? ''}
                    onChange={(event) => setAckNotes({ ...ackNotes, [code]: event.currentTarget.value })}
                    maxLength={1000}
                    disabled={!editable}
                    ml="xl"
                  />
                ) : null}
              </Stack>
            ))}
          </Stack>
        ) : null}
        <Textarea label={t('registrationProcessing.review.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={4000} autosize minRows={2} disabled={!editable} />
        <Alert color={gaps.items + gaps.flags === 0 ? 'teal' : 'gray'} variant="light" data-testid="review-gaps">
          {gaps.items + gaps.flags === 0 ? t('registrationProcessing.review.complete') : t('registrationProcessing.review.gaps', gaps)}
        </Alert>
        {review.updatedBy && review.updatedAt ? (
          <Text size="xs" c="dimmed">
            {t('registrationProcessing.review.lastSaved', { name: review.updatedBy.name, at: formatDateTime(review.updatedAt, i18n.language) })}
          </Text>
        ) : null}
        <ErrorAlert error={error} />
        {saved ? (
          <Text size="sm" c="teal.8" role="status">
            {t('registrationProcessing.review.saved')}
          </Text>
        ) : null}
        {editable ? (
          <Group justify="flex-end">
            <Button type="submit" loading={saving} data-testid="review-save">
              {t('registrationProcessing.review.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
