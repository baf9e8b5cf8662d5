import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { formatDate } from '../../lib/format.js';
import { SourceLinks, VerifiedBadge } from '../calendar/calendar-parts.js';
import { citation, isAuthorityTable, valueText, type AuthorityTable, type LegalRule, type LegalRuleValue } from './legal-rules-api.js';

/** "Từ 01/07/2018" or "Từ 01/07/2018 đến 31/12/2026". */
export function ValidityText({ value }: { value: Pick<LegalRuleValue, 'validFrom' | 'validTo'> }) {
  const { t, i18n } = useTranslation();
  const from = formatDate(value.validFrom, i18n.language);
  return (
    <Text component="span" size="sm" style={{ whiteSpace: 'nowrap' }}>
      {value.validTo ? t('legalRules.validRange', { from, to: formatDate(value.validTo, i18n.language) }) : t('legalRules.validFrom', { from })}
    </Text>
  );
}

/** The verified / "chưa xác minh" mark of a legal value. */
export function RuleVerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return <VerifiedBadge verified={verified} label={verified ? t('legalRules.verified') : t('legalRules.unverified')} />;
}

/** Legal basis and sources of one value. */
export function RuleCitation({ value }: { value: LegalRuleValue }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{citation(value, i18n.language)}</Text>
      {value.sourceUrl ? <SourceLinks sourceUrl={value.sourceUrl} /> : null}
    </Stack>
  );
}

/** A value in words; an authority table as a table of conditions (when `full`). */
export function RuleValueView({ rule, value, full = false }: { rule: Pick<LegalRule, 'valueKind' | 'unit'>; value: unknown; full?: boolean }) {
  const { t, i18n } = useTranslation();
  if (full && rule.valueKind === 'authority_table' && isAuthorityTable(value)) return <AuthorityTableView table={value} />;
  return (
    <Text size="sm" fw={600} data-testid="rule-value">
      {valueText(rule, value, t, i18n.language)}
    </Text>
  );
}

function AuthorityTableView({ table }: { table: AuthorityTable }) {
  const { t, i18n } = useTranslation();
  const conditions = (row: AuthorityTable['rows'][number]) =>
    (Object.entries(row.when) as [keyof typeof row.when, string[] | undefined][])
      .filter(([, values]) => values && values.length)
      .map(([field, values]) => `${t(`legalRules.authority.fields.${field}`)}: ${values!.map((v) => t(`legalRules.authority.values.${v}`)).join(', ')}`);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('legalRules.authority.caption')}
      </Text>
      <DataTable
        items={table.rows}
        label={t('legalRules.kinds.authority_table')}
        minWidth={720}
        testId="authority-table"
        striped
        columns={[t('legalRules.authority.conditions'), t('legalRules.authority.authority'), t('legalRules.columns.note'), t('legalRules.columns.status')]}
        renderRow={(row) => (
          <Table.Tr key={row.id}>
            <Table.Td style={{ minWidth: 220 }}>
              {conditions(row).length ? conditions(row).map((line) => <Text size="sm" key={line}>{line}</Text>) : <Text size="sm">{t('legalRules.authority.any')}</Text>}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={row.authority === 'UNKNOWN' ? 'gray' : 'harbour'} style={{ whiteSpace: 'normal', height: 'auto' }}>
                {t(`legalRules.authority.authorities.${row.authority}`)}
              </Badge>
            </Table.Td>
            <Table.Td style={{ minWidth: 240 }}>
              <Text size="sm">{i18n.language === 'en' ? row.noteEn : row.noteVi}</Text>
            </Table.Td>
            <Table.Td>
              <RuleVerifiedBadge verified={row.verified} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
