import { Checkbox, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, AGENCY_LEVELS, LINEAGE_KINDS } from '../../../../common/src/api/agencies.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { FormButtons } from '../../components/form-buttons.js';
import { api } from '../../lib/api.js';
import { tooShort, useFormFields, useFormSubmit, type FieldMessages } from '../../lib/forms.js';
import { useAllAgencies, type Agency, type AgencySummary } from './agencies-api.js';
import { AgencySelect } from './agency-parts.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ModalProps {
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Client-side date checks: a start date, and an end date not before it (the server checks again). */
function dateMessages(t: (key: string) => string, from: string, to: string, required: { from?: boolean; to?: boolean } = { from: true }): FieldMessages {
  return {
    validFrom: required.from && !DATE.test(from) ? t('validation.required') : undefined,
    validTo: required.to && !DATE.test(to) ? t('validation.required') : to && from && to < from ? t('validation.date_order') : undefined,
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : null);

/** Create an agency, or edit one (`agency` given; its code stays). */
export function AgencyFormModal({ opened, onClose, onDone, agency }: ModalProps & { agency?: Agency }) {
  const { t } = useTranslation();
  const initial = {
    code: agency?.code ?? '',
    nameVi: agency?.nameVi ?? '',
    nameEn: agency?.nameEn ?? '',
    shortNameVi: agency?.shortNameVi ?? '',
    shortNameEn: agency?.shortNameEn ?? '',
    kind: agency?.kind ?? 'provincial_department',
    level: agency?.level ?? 'province',
    validFrom: agency?.validFrom ?? '',
    validTo: agency?.validTo ?? '',
    sourceFrom: agency?.sourceFrom ?? '',
    sourceTo: agency?.sourceTo ?? '',
    verified: agency?.verified ? 'yes' : '',
    noteVi: agency?.noteVi ?? '',
    noteEn: agency?.noteEn ?? '',
  };
  const form = useFormFields(initial);
  const submit = useFormSubmit(
    form,
    async (values) => {
      const body = {
        nameVi: values.nameVi.trim(),
        nameEn: values.nameEn.trim(),
        shortNameVi: optional(values.shortNameVi),
        shortNameEn: optional(values.shortNameEn),
        kind: values.kind,
        level: values.level,
        validFrom: values.validFrom,
        validTo: values.validTo || null,
        sourceFrom: values.sourceFrom.trim(),
        sourceTo: optional(values.sourceTo),
        verified: values.verified === 'yes',
        noteVi: optional(values.noteVi),
        noteEn: optional(values.noteEn),
      };
      if (agency) await api.patch(`/agencies/${agency.id}`, body);
      else await api.post('/agencies', { ...body, code: values.code.trim() });
      if (!agency) form.setValues(initial);
      onDone();
    },
    {
      validate: (values) => ({
        code: !agency && !/^[a-z][a-z0-9_]{1,63}$/.test(values.code.trim()) ? t('validation.invalid_format') : undefined,
        nameVi: tooShort(t, values.nameVi),
        nameEn: tooShort(t, values.nameEn),
        sourceFrom: tooShort(t, values.sourceFrom),
        ...dateMessages(t, values.validFrom, values.validTo),
      }),
    },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={agency ? t('agencies.editTitle') : t('agencies.create')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="agency-form">
        <Stack gap="sm">
          <ErrorAlert error={submit.error} />
          {agency ? null : <TextInput label={t('agencies.fields.code')} description={t('agencies.fields.codeHint')} required {...form.input('code')} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('agencies.fields.nameVi')} required {...form.input('nameVi')} />
            <TextInput label={t('agencies.fields.nameEn')} required {...form.input('nameEn')} />
            <TextInput label={t('agencies.fields.shortNameVi')} {...form.input('shortNameVi')} />
            <TextInput label={t('agencies.fields.shortNameEn')} {...form.input('shortNameEn')} />
            <NativeSelect label={t('agencies.kind')} data={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`agencies.kinds.${kind}`) }))} {...form.input('kind')} />
            <NativeSelect label={t('agencies.level')} data={AGENCY_LEVELS.map((level) => ({ value: level, label: t(`agencies.levels.${level}`) }))} {...form.input('level')} />
            <TextInput type="date" label={t('agencies.fields.validFrom')} required {...form.input('validFrom')} />
            <TextInput type="date" label={t('agencies.fields.validTo')} description={t('agencies.fields.validToHint')} {...form.input('validTo')} />
          </SimpleGrid>
          <Textarea label={t('agencies.fields.sourceFrom')} required autosize minRows={2} {...form.input('sourceFrom')} />
          <Textarea label={t('agencies.fields.sourceTo')} autosize minRows={1} {...form.input('sourceTo')} />
          <Checkbox
            label={t('agencies.fields.verified')}
            checked={form.values.verified === 'yes'}
            onChange={(event) => form.setValue('verified', event.currentTarget.checked ? 'yes' : '')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Textarea label={t('agencies.fields.noteVi')} autosize minRows={2} {...form.input('noteVi')} />
            <Textarea label={t('agencies.fields.noteEn')} autosize minRows={2} {...form.input('noteEn')} />
          </SimpleGrid>
          <FormButtons onCancel={onClose} submitting={submit.isSubmitting} label={agency ? t('agencies.save') : t('agencies.createAction')} testId="agency-form-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

/** End an agency still in force; its open roles end on the same day. */
export function EndAgencyModal({ opened, onClose, onDone, agency }: ModalProps & { agency: Agency }) {
  const { t } = useTranslation();
  const form = useFormFields({ validTo: '', sourceTo: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await api.post(`/agencies/${agency.id}/end`, { validTo: values.validTo, sourceTo: values.sourceTo.trim() });
      onDone();
    },
    { validate: (values) => ({ ...dateMessages(t, agency.validFrom, values.validTo, { to: true }), sourceTo: tooShort(t, values.sourceTo) }) },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('agencies.endTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="agency-end-form">
        <Stack gap="sm">
          <Text size="sm">{t('agencies.endHint')}</Text>
          <ErrorAlert error={submit.error} />
          <TextInput type="date" label={t('agencies.fields.validTo')} required {...form.input('validTo')} />
          <Textarea label={t('agencies.fields.sourceTo')} required autosize minRows={2} {...form.input('sourceTo')} />
          <FormButtons onCancel={onClose} submitting={submit.isSubmitting} label={t('agencies.endAction')} testId="agency-end-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

/** Record the successor of an agency (merger, absorption, renaming…), optionally passing its roles on. */
export function LineageModal({ opened, onClose, onDone, agency }: ModalProps & { agency: Agency }) {
  const { t } = useTranslation();
  const agencies = useAllAgencies(opened);
  const [transfer, setTransfer] = useState(false);
  const [verified, setVerified] = useState(false);
  const form = useFormFields({ successorId: '', eventDate: '', kind: 'absorbed', citation: '', note: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await api.post(`/agencies/${agency.id}/lineage`, {
        successorId: values.successorId,
        eventDate: values.eventDate,
        kind: values.kind,
        citation: values.citation.trim(),
        note: optional(values.note),
        verified,
        transferRoles: transfer,
      });
      onDone();
    },
    {
      validate: (values) => ({
        successorId: values.successorId ? undefined : t('validation.required'),
        eventDate: DATE.test(values.eventDate) ? undefined : t('validation.required'),
        citation: tooShort(t, values.citation),
      }),
    },
  );
  const choices = (agencies.data?.items ?? []).filter((other: AgencySummary) => other.id !== agency.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('agencies.lineageTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="lineage-form">
        <Stack gap="sm">
          <Text size="sm">{t('agencies.lineageHint')}</Text>
          <ErrorAlert error={submit.error ?? agencies.error} />
          <AgencySelect
            label={t('agencies.successor')}
            agencies={choices}
            value={form.values.successorId || null}
            onChange={(id) => form.setValue('successorId', id ?? '')}
            error={form.errors.successorId}
            required
            testId="lineage-successor"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('agencies.eventDate')} required {...form.input('eventDate')} />
            <NativeSelect label={t('agencies.eventKind')} data={LINEAGE_KINDS.map((kind) => ({ value: kind, label: t(`agencies.lineageKinds.${kind}`) }))} {...form.input('kind')} />
          </SimpleGrid>
          <Textarea label={t('agencies.citation')} required autosize minRows={2} {...form.input('citation')} />
          <Textarea label={t('agencies.fields.note')} autosize minRows={1} {...form.input('note')} />
          <Checkbox label={t('agencies.fields.verified')} checked={verified} onChange={(event) => setVerified(event.currentTarget.checked)} />
          <Checkbox label={t('agencies.transferRoles')} checked={transfer} onChange={(event) => setTransfer(event.currentTarget.checked)} data-testid="lineage-transfer" />
          <FormButtons onCancel={onClose} submitting={submit.isSubmitting} label={t('agencies.lineageRecord')} testId="lineage-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

interface AssignProps extends ModalProps {
  /** The role to assign (plan roles page), or a choice of roles (agency page). */
  role?: { code: string; name: string };
  roles?: { code: string; name: string }[];
  /** The agency (agency page), or a choice among all agencies (plan roles page). */
  agency?: AgencySummary;
}

/** Assign a plan role to an agency for a period. */
export function AssignRoleModal({ opened, onClose, onDone, role, roles, agency }: AssignProps) {
  const { t } = useTranslation();
  const agencies = useAllAgencies(opened && !agency);
  const [verified, setVerified] = useState(false);
  const form = useFormFields({ roleCode: role?.code ?? '', agencyId: agency?.id ?? '', validFrom: '', validTo: '', citation: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      const code = role?.code ?? values.roleCode;
      await api.post(`/plan-roles/${encodeURIComponent(code)}/assignments`, {
        agencyId: agency?.id ?? values.agencyId,
        validFrom: values.validFrom,
        validTo: values.validTo || null,
        citation: values.citation.trim(),
        verified,
      });
      onDone();
    },
    {
      validate: (values) => ({
        roleCode: role || values.roleCode ? undefined : t('validation.required'),
        agencyId: agency || values.agencyId ? undefined : t('validation.required'),
        citation: tooShort(t, values.citation),
        ...dateMessages(t, values.validFrom, values.validTo),
      }),
    },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={role ? t('agencies.roles.assignNamed', { name: role.name }) : t('agencies.roles.assignTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="assign-form">
        <Stack gap="sm">
          <Text size="sm">{t('agencies.roles.assignHint')}</Text>
          <ErrorAlert error={submit.error ?? agencies.error} />
          {role ? null : (
            <NativeSelect
              label={t('agencies.roles.role')}
              required
              data={[{ value: '', label: t('agencies.roles.chooseRole') }, ...(roles ?? []).map((r) => ({ value: r.code, label: r.name }))]}
              {...form.input('roleCode')}
              data-testid="assign-role"
            />
          )}
          {agency ? null : (
            <AgencySelect
              label={t('agencies.agency')}
              agencies={agencies.data?.items}
              value={form.values.agencyId || null}
              onChange={(id) => form.setValue('agencyId', id ?? '')}
              error={form.errors.agencyId}
              required
              testId="assign-agency"
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('agencies.fields.validFrom')} required {...form.input('validFrom')} />
            <TextInput type="date" label={t('agencies.fields.validTo')} description={t('agencies.fields.validToHint')} {...form.input('validTo')} />
          </SimpleGrid>
          <Textarea label={t('agencies.citation')} required autosize minRows={2} {...form.input('citation')} />
          <Checkbox label={t('agencies.fields.verified')} checked={verified} onChange={(event) => setVerified(event.currentTarget.checked)} />
          <FormButtons onCancel={onClose} submitting={submit.isSubmitting} label={t('agencies.roles.assignAction')} testId="assign-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

/** End an open role assignment on a given last day. */
export function EndAssignmentModal({ opened, onClose, onDone, assignment }: ModalProps & { assignment: { id: string; validFrom: string } }) {
  const { t } = useTranslation();
  const form = useFormFields({ validTo: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await api.post(`/plan-role-assignments/${assignment.id}/end`, { validTo: values.validTo });
      onDone();
    },
    { validate: (values) => dateMessages(t, assignment.validFrom, values.validTo, { to: true }) },
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('agencies.roles.endAssignmentTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="assignment-end-form">
        <Stack gap="sm">
          <Text size="sm">{t('agencies.roles.endAssignmentHint')}</Text>
          <ErrorAlert error={submit.error} />
          <TextInput type="date" label={t('agencies.fields.validTo')} required {...form.input('validTo')} />
          <FormButtons onCancel={onClose} submitting={submit.isSubmitting} label={t('agencies.roles.endAssignment')} testId="assignment-end-submit" />
        </Stack>
      </form>
    </Modal>
  );
}
