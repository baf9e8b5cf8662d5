import { Badge, Button, Group, Select, Text, Tooltip, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { foldText, formatDate } from '../../lib/format.js';
import { agencyName, type AgencySummary } from './agencies-api.js';

/** The [unverified] mark of a record with a fact not checked against an official text ([M] in the domain brief). */
export function UnverifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  if (verified) return null;
  return (
    <Tooltip label={t('agencies.unverifiedHint')} multiline w={260} withArrow>
      <Badge color="yellow" variant="light" c="dark.7" tabIndex={0} aria-description={t('agencies.unverifiedHint')} data-testid="unverified-badge">
        {t('agencies.unverified')}
      </Badge>
    </Tooltip>
  );
}

/** A citation with the [unverified] mark before it, for table cells. */
export function CitationText({ citation, verified }: { citation: string; verified: boolean }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <UnverifiedBadge verified={verified} />
      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
        {citation}
      </Text>
    </Group>
  );
}

/** "End" on a role assignment still in force; its accessible name says which assignment. */
export function EndAssignmentButton({ name, onClick, testId }: { name: string; onClick: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="default" onClick={onClick} aria-label={t('agencies.roles.endAssignmentNamed', { name })} data-testid={testId}>
      {t('agencies.roles.endAssignment')}
    </Button>
  );
}

/** "10/04/2019 – 28/02/2025" or "01/03/2025 – present". */
export function ValidityText({ validFrom, validTo }: { validFrom: string; validTo: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Text component="span" size="sm" style={{ whiteSpace: 'nowrap' }}>
      {t('agencies.validityRange', {
        from: formatDate(validFrom, i18n.language),
        to: validTo ? formatDate(validTo, i18n.language) : t('agencies.stillInForce'),
      })}
    </Text>
  );
}

/** A link to an agency's page: the public one, or the administration one. */
export function AgencyNameLink({ agency, admin = false }: { agency: AgencySummary; admin?: boolean }) {
  const { i18n } = useTranslation();
  const name = agencyName(agency, i18n.language);
  return admin ? (
    <AnchorLink to="/admin/agencies/$id" params={{ id: agency.id }}>
      {name}
    </AnchorLink>
  ) : (
    <AnchorLink to="/agencies/$id" params={{ id: agency.id }}>
      {name}
    </AnchorLink>
  );
}

/** Select filtering that ignores Vietnamese diacritics ("so tai chinh" finds "Sở Tài chính"). */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const folded = foldText(search.trim());
  return (options as ComboboxItem[]).filter((option) => foldText(option.label).includes(folded));
};

interface AgencySelectProps {
  label: string;
  agencies: readonly AgencySummary[] | undefined;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  required?: boolean;
  clearable?: boolean;
  description?: string;
  testId: string;
}

/** Searchable choice among agencies (names in the UI language, with their dates so merged namesakes differ). */
export function AgencySelect({ label, agencies, value, onChange, error, required, clearable, description, testId }: AgencySelectProps) {
  const { t, i18n } = useTranslation();
  const data = (agencies ?? []).map((agency) => ({
    value: agency.id,
    label: `${agencyName(agency, i18n.language)} (${formatDate(agency.validFrom, i18n.language)} – ${agency.validTo ? formatDate(agency.validTo, i18n.language) : t('agencies.stillInForce')})`,
  }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('agencies.chooseAgency')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      filter={foldedFilter}
      clearable={clearable}
      required={required}
      error={error}
      nothingFoundMessage={t('common.noOptions')}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
