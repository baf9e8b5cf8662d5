import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../common/src/api/organisations.js';
import { ROLES_BY_ORGANISATION_KIND, STAFF_ROLES, type Role } from '../../../../common/src/roles.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { api, type Page } from '../../lib/api.js';
import { isEmail, useFormFields, useFormSubmit } from '../../lib/forms.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { organisationName } from '../organisations/organisation-labels.js';

interface StaffInviteModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Invites a staff member (e.g. a DOST officer into the DOST organisation); admins may have no organisation. */
export function StaffInviteModal({ opened, onClose }: StaffInviteModalProps) {
  const { t, i18n } = useTranslation();
  const agencies = useApiQuery<Page<Organisation>>(opened ? '/organisations?kind=agency&sort=name&order=asc&pageSize=100' : null);
  const form = useFormFields({ email: '', role: 'dost_officer', organisationId: '' });
  const role = form.values.role as Role;
  const needsOrganisation = ROLES_BY_ORGANISATION_KIND.agency.includes(role);

  const submit = useFormSubmit(
    form,
    async (values) => {
      const invitation = await api.post<{ email: string }>('/invitations', {
        email: values.email.trim(),
        role,
        organisationId: values.organisationId || null,
      });
      form.setValues({ ...values, email: '' });
      return invitation.email;
    },
    {
      validate: (values) => ({
        email: isEmail(values.email) ? undefined : t('validation.invalid_email'),
        organisationId: needsOrganisation && !values.organisationId ? t('validation.required') : undefined,
      }),
    },
  );
  const sentTo = submit.result;

  const close = () => {
    submit.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.inviteStaff')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="staff-invite-form">
        <Stack gap="md">
          <Text size="sm">{t('users.inviteIntro')}</Text>
          <ErrorAlert error={submit.error ?? agencies.error} />
          {sentTo ? (
            <Alert color="teal" variant="light" data-testid="staff-invite-sent">
              {t('members.inviteSent', { email: sentTo })}
            </Alert>
          ) : null}
          <TextInput label={t('auth.email')} type="email" required autoComplete="off" {...form.input('email')} data-testid="staff-invite-email" />
          <NativeSelect
            label={t('account.role')}
            data={STAFF_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
            {...form.input('role')}
            data-testid="staff-invite-role"
          />
          <NativeSelect
            label={t('account.organisation')}
            description={needsOrganisation ? t('users.organisationHint') : t('users.organisationOptional')}
            required={needsOrganisation}
            disabled={agencies.isLoading}
            data={[
              { value: '', label: needsOrganisation ? t('users.chooseOrganisation') : t('account.platformWide') },
              ...(agencies.data?.items ?? []).map((organisation) => ({
                value: organisation.id,
                label: organisationName(organisation, i18n.language),
              })),
            ]}
            {...form.input('organisationId')}
            data-testid="staff-invite-organisation"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <Button type="submit" loading={submit.isSubmitting} data-testid="staff-invite-submit">
              {t('members.sendInvite')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
