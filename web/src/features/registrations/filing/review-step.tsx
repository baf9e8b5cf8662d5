import { Alert, Anchor, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierStep } from '../../../../../common/src/api/registration-dossier.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ApiError } from '../../../lib/api.js';
import { FilingWindowNotice } from './filing-parts.js';
import { newIdempotencyKey, submitRegistration, supplementRegistration, type RegistrationDetail } from './filing-api.js';

type Problem = RegistrationDetail['problems'][number];

/**
 * Last step: what still stops submission (each linked to its step), the filing window (late filing allowed with a
 * warning), then submit — or, when DOST asked for a supplement, send it with a note.
 */
export function ReviewStep({ detail, onChanged, onGoTo }: { detail: RegistrationDetail; onChanged: (revision?: number) => void; onGoTo: (step: DossierStep) => void }) {
  const { t, i18n } = useTranslation();
  const isSupplement = detail.status === 'supplement_requested';
  const submitKey = useRef(newIdempotencyKey());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [serverProblems, setServerProblems] = useState<Problem[] | null>(null);
  const problems = serverProblems ?? detail.problems;

  const problemText = (problem: Problem) => {
    if (problem.code === 'document_missing') return t('registrationFiling.review.documentMissing', { kind: t(`registrationFiling.documentKinds.${problem.field}`, { defaultValue: problem.field }) });
    if (problem.code === 'step_missing') return t('registrationFiling.review.stepMissing');
    const key = `registrationFiling.fields.${problem.step}.${problem.field.replace(/\.\d+(?=\.|$)/g, '')}`;
    const field = problem.field ? (i18n.exists(`${key}.title`) ? t(`${key}.title`) : i18n.exists(key) ? t(key) : problem.field) : '';
    return `${field ? `${field}: ` : ''}${t(`registrationFiling.problems.${problem.code}`, { defaultValue: t('registrationFiling.problems.invalid') })}`;
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = isSupplement
        ? await supplementRegistration(detail.id, { revision: detail.revision, ...(note.trim() ? { note: note.trim() } : {}) })
        : await submitRegistration(detail.id, detail.revision, submitKey.current);
      onChanged(answer.revision);
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError && cause.code === 'REGISTRATION_INCOMPLETE' && Array.isArray(cause.details?.problems)) setServerProblems(cause.details.problems as Problem[]);
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg" data-testid="step-form-review">
      <div>
        <Text component="h2" fz="xl" fw={700} mb={4}>
          {t('registrationFiling.steps.review')}
        </Text>
        <Text c="dimmed" size="sm">
          {t(isSupplement ? 'registrationFiling.review.introSupplement' : 'registrationFiling.review.intro')}
        </Text>
      </div>
      <FilingWindowNotice window={detail.filingWindow} />
      {problems.length > 0 ? (
        <Alert color="orange" variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} title={t('registrationFiling.review.problemsTitle', { count: problems.length })} data-testid="review-problems">
          <List spacing={4} size="sm">
            {problems.map((problem, index) => (
              <List.Item key={`${problem.step}-${problem.field}-${index}`}>
                <Anchor component="button" type="button" size="sm" onClick={() => onGoTo(problem.step)}>
                  {t(`registrationFiling.steps.${problem.step}`)}
                </Anchor>
                {': '}
                {problemText(problem)}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert color="teal" variant="light" data-testid="review-ready">
          {t(isSupplement ? 'registrationFiling.review.readySupplement' : 'registrationFiling.review.ready')}
        </Alert>
      )}
      {isSupplement ? (
        <Textarea label={t('registrationFiling.review.note')} description={t('registrationFiling.review.noteHint')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={3} maxLength={4000} data-testid="supplement-note" />
      ) : (
        <Text size="sm">{t('registrationFiling.review.commitment')}</Text>
      )}
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button size="md" onClick={() => void send()} loading={busy} disabled={problems.length > 0} data-testid="dossier-submit">
          {t(isSupplement ? 'registrationFiling.review.sendSupplement' : 'registrationFiling.review.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
