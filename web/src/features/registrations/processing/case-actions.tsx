import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FormButtons } from '../../../components/form-buttons.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { caseStep, type RegistrationQueue, type StaffAction, type StaffRegistrationDetail } from './processing-api.js';
import { WARNING_COLOR } from './processing-parts.js';

interface FieldSpec {
  name: string;
  label: string;
  /** Fewest characters (after trimming); 0: optional. */
  min: number;
  max: number;
}

interface StepDialog {
  action: StaffAction;
  step: string;
  title: string;
  description?: string;
  confirmLabel: string;
  color?: string;
  fields: FieldSpec[];
  /** Turns the field values into the request body (besides the revision). */
  body: (values: Record<string, string>) => Record<string, unknown>;
}

/** The dialog of each action: what it asks for, and the request it sends. */
function dialogOf(action: StaffAction, detail: StaffRegistrationDetail, t: (key: string, options?: Record<string, unknown>) => string): StepDialog | null {
  const p = 'registrationProcessing';
  const label = t(`${p}.actions.${action}`);
  const isCertificate = detail.decision?.kind === 'certificate';
  switch (action) {
    case 'accept':
      return { action, step: 'accept', title: t(`${p}.confirm.acceptTitle`), description: t(`${p}.confirm.accept`), confirmLabel: label, fields: [], body: () => ({}) };
    case 'request_supplement':
      return {
        action,
        step: 'request-supplement',
        title: t(`${p}.supplement.title`),
        description: t(`${p}.supplement.intro`),
        confirmLabel: t(`${p}.supplement.send`),
        color: WARNING_COLOR,
        fields: [
          { name: 'items', label: t(`${p}.supplement.items`), min: 2, max: 2400 },
          { name: 'message', label: t(`${p}.supplement.message`), min: 5, max: 1500 },
        ],
        body: (values) => ({ missingItems: values.items!.split('\n').map((line) => line.trim()).filter(Boolean), message: values.message }),
      };
    case 'draft_certificate':
      return {
        action,
        step: 'draft-certificate',
        title: t(`${p}.confirm.draftCertificateTitle`),
        description: t(`${p}.confirm.draftCertificate`),
        confirmLabel: label,
        fields: [{ name: 'note', label: t(`${p}.confirm.draftCertificateNote`), min: 0, max: 4000 }],
        body: (values) => (values.note ? { note: values.note } : {}),
      };
    case 'draft_refusal':
      return { action, step: 'draft-refusal', title: t(`${p}.refusal.title`), confirmLabel: t(`${p}.refusal.save`), color: 'red.8', fields: [{ name: 'reasons', label: t(`${p}.refusal.reasons`), min: 5, max: 8000 }], body: (values) => ({ reasons: values.reasons }) };
    case 'return_draft':
      return { action, step: 'return-draft', title: t(`${p}.returnDraft.title`), confirmLabel: t(`${p}.returnDraft.send`), color: WARNING_COLOR, fields: [{ name: 'comment', label: t(`${p}.returnDraft.comment`), min: 5, max: 4000 }], body: (values) => ({ comment: values.comment }) };
    case 'approve':
      return {
        action,
        step: 'approve',
        title: t(`${p}.confirm.approveTitle`),
        description: t(isCertificate ? `${p}.confirm.approveCertificate` : `${p}.confirm.approveRefusal`, { reference: detail.referenceNo }),
        confirmLabel: label,
        color: isCertificate ? 'teal.9' : 'red.8',
        fields: [],
        body: () => ({}),
      };
    case 'revoke':
      return { action, step: 'revoke', title: t(`${p}.confirm.revokeTitle`), confirmLabel: label, color: 'red.8', fields: [{ name: 'reason', label: t(`${p}.confirm.revokeReason`), min: 5, max: 4000 }], body: (values) => ({ reason: values.reason }) };
    default:
      return null;
  }
}

function StepModal({ dialog, detail, onClose, onDone }: { dialog: StepDialog | null; detail: StaffRegistrationDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setValues({});
    setFieldErrors({});
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!dialog) return;
    const trimmed = Object.fromEntries(dialog.fields.map((field) => [field.name, (values[field.name] ?? '').trim()]));
    const errors = Object.fromEntries(dialog.fields.filter((field) => trimmed[field.name]!.length < field.min).map((field) => [field.name, t('validation.too_small_string', { minimum: field.min })]));
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await caseStep(detail.id, dialog.step, { revision: detail.revision, ...dialog.body(trimmed) });
      setValues({});
      onDone();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={dialog !== null} onClose={close} title={dialog?.title} size="lg">
      {dialog ? (
        <form onSubmit={(event) => void submit(event)} data-testid={`step-form-${dialog.action}`}>
          <Stack gap="sm">
            {dialog.description ? <Text size="sm">{dialog.description}</Text> : null}
            {dialog.fields.map((field, index) => (
              <Textarea
                key={field.name}
                label={field.label}
                required={field.min > 0}
                data-autofocus={index === 0 ? true : undefined}
                autosize
                minRows={field.name === 'items' || field.name === 'reasons' ? 4 : 2}
                maxLength={field.max}
                value={values[field.name] ?? ''}
                error={fieldErrors[field.name]}
                onChange={(event) => setValues({ ...values, [field.name]: event.currentTarget.value })}
                data-testid={`step-field-${field.name}`}
              />
            ))}
            <ErrorAlert error={error} />
            <FormButtons onCancel={close} label={dialog.confirmLabel} submitting={busy} color={dialog.color} testId="step-confirm" />
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

/** The staff actions allowed now, each behind a confirmation dialog; the page reloads the case afterwards. */
export function CaseActions({ detail, onChanged }: { detail: StaffRegistrationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<StepDialog | null>(null);
  const actions = detail.staffActions.filter((action) => action !== 'save_review');
  const dialogs = actions.map((action) => dialogOf(action, detail, t)).filter((dialog): dialog is StepDialog => dialog !== null);
  // A leader sees every drafted case with "approve", unless they drafted it themselves (four-eyes).
  const ownDraft = (detail.status === 'certificate_drafted' || detail.status === 'refusal_drafted') && detail.canAssign && !detail.staffActions.includes('approve');
  return (
    <Stack gap="sm" data-testid="case-actions">
      {dialogs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('registrationProcessing.detail.noActions')}
        </Text>
      ) : (
        <Group gap="xs">
          {dialogs.map((dialog) => (
            <Button key={dialog.action} color={dialog.color} variant={dialog.action === 'approve' || dialog.action === 'accept' ? 'filled' : 'outline'} onClick={() => setOpen(dialog)} data-testid={`action-${dialog.action}`}>
              {t(`registrationProcessing.actions.${dialog.action}`)}
            </Button>
          ))}
        </Group>
      )}
      {ownDraft ? (
        <Text size="sm" c={WARNING_COLOR} data-testid="four-eyes-note">
          {t('registrationProcessing.decision.fourEyes')}
        </Text>
      ) : null}
      <StepModal
        dialog={open}
        detail={detail}
        onClose={() => setOpen(null)}
        onDone={() => {
          setOpen(null);
          onChanged();
        }}
      />
    </Stack>
  );
}

/** Who handles the case; a leader (re)assigns the officer, an officer takes an unassigned case. */
export function AssignmentPanel({ detail, onChanged }: { detail: StaffRegistrationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const officers = useApiQuery<RegistrationQueue>(detail.canAssign ? '/registration-cases?pageSize=1' : null);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (step: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await caseStep(detail.id, step, { revision: detail.revision, ...body });
      onChanged();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const { officer, leader } = detail.assignments;
  return (
    <Stack gap="xs" data-testid="assignment-panel">
      <Text size="sm">
        <Text span c="dimmed">
          {t('registrationProcessing.detail.officer')}:{' '}
        </Text>
        <span data-testid="assigned-officer">{officer?.name ?? t('registrationProcessing.detail.nobody')}</span>
      </Text>
      {leader ? (
        <Text size="sm">
          <Text span c="dimmed">
            {t('registrationProcessing.detail.leader')}:{' '}
          </Text>
          {leader.name}
        </Text>
      ) : null}
      {detail.canTake ? (
        <Button size="xs" variant="light" loading={busy} onClick={() => void run('take', {})} data-testid="detail-take">
          {t('registrationProcessing.queue.take')}
        </Button>
      ) : null}
      {detail.canAssign && officers.data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (userId) void run('assign', { userId });
          }}
        >
          <Group align="flex-end" gap="xs">
            <NativeSelect
              label={t('registrationProcessing.detail.assignOfficer')}
              value={userId}
              onChange={(event) => setUserId(event.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...(officers.data.officers ?? []).map((o) => ({ value: o.userId, label: o.name }))]}
              data-testid="assign-select"
              style={{ flex: 1, minWidth: 160 }}
            />
            <Button type="submit" size="sm" loading={busy} disabled={!userId} data-testid="assign-submit">
              {t('registrationProcessing.detail.assign')}
            </Button>
          </Group>
        </form>
      ) : null}
      <ErrorAlert error={error} />
    </Stack>
  );
}
