import { Box, Button, Group, NativeSelect, SimpleGrid, Stepper, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSSIER_STEPS, type DataStep, type DossierStep } from '../../../../../common/src/api/registration-dossier.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ApiError } from '../../../lib/api.js';
import { AttachmentsStep } from './attachments-step.js';
import { DossierFields } from './dossier-form.js';
import { fromData, STEP_FIELDS, toData, type FormValues } from './dossier-steps.js';
import { saveStep, type RegistrationDetail } from './filing-api.js';
import { ReviewStep } from './review-step.js';

export type WizardStep = DossierStep | 'review';
export const WIZARD_STEPS: readonly WizardStep[] = [...DOSSIER_STEPS, 'review'];

export interface DossierWizardProps {
  detail: RegistrationDetail;
  step: WizardStep | undefined;
  /** Reloads the dossier after a change; `revision` (the change's answer) is used until the reload arrives. */
  onChanged: (revision?: number) => void;
}

/**
 * The dossier as a multi-step form (a draft, or a dossier DOST asked to supplement): a stepper; each data step saves
 * the draft and shows the server's field errors; attachments upload PDFs with progress; the review lists what is
 * still missing and submits (or sends the supplement).
 */
export function DossierWizard({ detail, step, onChanged }: DossierWizardProps) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/registrations/$caseId' });
  const firstOpen = WIZARD_STEPS.find((s) => s !== 'review' && !detail.stepsDone.includes(s as DossierStep)) ?? 'review';
  const active = step ?? firstOpen;
  const index = WIZARD_STEPS.indexOf(active);
  const go = (next: WizardStep) => void navigate({ search: { step: next }, resetScroll: true });
  const label = (s: WizardStep) => t(`registrationFiling.steps.${s}`);
  const done = (s: WizardStep) => s !== 'review' && detail.stepsDone.includes(s as DossierStep);

  return (
    <Box>
      <Box visibleFrom="md" mb="lg">
        <Stepper active={index} onStepClick={(i) => go(WIZARD_STEPS[i]!)} size="xs" allowNextStepsSelect data-testid="dossier-stepper">
          {WIZARD_STEPS.map((s) => (
            <Stepper.Step key={s} label={label(s)} completedIcon={undefined} color={done(s) ? 'teal' : undefined} description={done(s) ? t('registrationFiling.form.stepDone') : undefined} data-testid={`stepper-${s}`} />
          ))}
        </Stepper>
      </Box>
      <Box hiddenFrom="md" mb="md">
        <NativeSelect
          label={t('registrationFiling.form.stepOf', { number: index + 1, total: WIZARD_STEPS.length })}
          value={active}
          onChange={(event) => go(event.currentTarget.value as WizardStep)}
          data={WIZARD_STEPS.map((s) => ({ value: s, label: `${WIZARD_STEPS.indexOf(s) + 1}. ${label(s)}${done(s) ? ' ✓' : ''}` }))}
          data-testid="dossier-step-select"
        />
      </Box>
      {active === 'attachments' ? (
        <AttachmentsStep detail={detail} onChanged={onChanged} onBack={() => go('equipment')} onNext={() => go('review')} />
      ) : active === 'review' ? (
        <ReviewStep detail={detail} onChanged={onChanged} onGoTo={go} />
      ) : (
        <DataStepForm key={`${detail.id}-${active}`} detail={detail} step={active} onSaved={(revision) => {
            onChanged(revision);
            go(WIZARD_STEPS[index + 1]!);
          }} onBack={index > 0 ? () => go(WIZARD_STEPS[index - 1]!) : undefined} />
      )}
    </Box>
  );
}

/** Values the form can fill in itself: a contract in VND converts to VND at 1. */
function withDefaults(step: DataStep, values: FormValues): FormValues {
  if (step === 'price' && values.currency === 'VND' && !values.exchangeRateToVnd) return { ...values, exchangeRateToVnd: '1' };
  return values;
}

function DataStepForm({ detail, step, onSaved, onBack }: { detail: RegistrationDetail; step: DataStep; onSaved: (revision: number) => void; onBack: (() => void) | undefined }) {
  const { t } = useTranslation();
  const fields = STEP_FIELDS[step];
  const [values, setValues] = useState<FormValues>(() => fromData(fields, detail.data[step] as FormValues | undefined));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const save = async () => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const saved = await saveStep(detail.id, step, detail.revision, toData(fields, values));
      onSaved(saved.revision);
    } catch (cause) {
      setError(cause);
      if (cause instanceof ApiError && cause.details?.fields) setErrors(Object.fromEntries(cause.details.fields.map((f) => [f.path, f.message])));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
      data-testid={`step-form-${step}`}
    >
      <Text component="h2" fz="xl" fw={700} mb={4} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
        {t(`registrationFiling.steps.${step}`)}
      </Text>
      <Text c="dimmed" size="sm" mb="md">
        {t(`registrationFiling.stepIntro.${step}`)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DossierFields step={step} fields={fields} values={values} onChange={(next) => setValues(withDefaults(step, next))} errors={errors} />
      </SimpleGrid>
      <ErrorAlert error={error} mt="md" />
      <Group justify="space-between" mt="xl">
        {onBack ? (
          <Button variant="default" onClick={onBack}>
            {t('registrationFiling.form.back')}
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" loading={busy} data-testid="step-save">
          {t('registrationFiling.form.saveNext')}
        </Button>
      </Group>
    </form>
  );
}
