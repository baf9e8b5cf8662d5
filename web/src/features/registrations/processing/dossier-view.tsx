import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierData } from '../../../../../common/src/api/registration-dossier.js';
import { countryName, formatDate, formatNumber } from '../../../lib/format.js';

/** One labelled value of the dossier (a <div> pair inside a <dl>, so screen readers read label and value together). */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6} m={0}>
        {children}
      </SimpleGrid>
    </Stack>
  );
}

/** The filed dossier (confidential: staff handling the case only), part by part as the applicant filed it. */
export function DossierView({ data }: { data: DossierData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const yesNo = (value: boolean) => t(value ? 'registrationProcessing.data.yes' : 'registrationProcessing.data.no');
  const { parties, contract, technology, transfer, price, equipment } = data;
  const amount = (value: number | undefined) => (value === undefined ? '' : `${formatNumber(value, language)} ${price?.currency ?? ''}`);
  return (
    <Stack gap="lg" data-testid="dossier-view">
      {parties ? (
        <Part title={t('registrationProcessing.data.transferor')}>
          <Field label={parties.transferor.name}>{`${parties.transferor.address} (${countryName(parties.transferor.country, language)}) · ${parties.transferor.registrationNumber}`}</Field>
          <Field label={t('registrationProcessing.data.transferee')}>{`${parties.transferee.name} · ${parties.transferee.enterpriseCode}\n${parties.transferee.address}`}</Field>
          <Field label={t('registrationProcessing.data.relationship')}>{t(`registrationProcessing.data.relationships.${parties.relationship}`)}</Field>
          <Field label={t('registrationProcessing.data.stateCapital')}>{yesNo(parties.usesStateCapital)}</Field>
        </Part>
      ) : null}
      {contract ? (
        <Part title={t('registrationProcessing.data.contract')}>
          <Field label={t('registrationProcessing.data.contract')}>{t('registrationProcessing.data.contractLine', { name: contract.name, number: contract.number, date: formatDate(contract.signedOn, language) })}</Field>
          <Field label={t('registrationProcessing.data.language')}>{contract.language}</Field>
        </Part>
      ) : null}
      {technology ? (
        <Part title={t('registrationProcessing.data.technology')}>
          <Field label={technology.name}>{technology.description}</Field>
          <Field label={t('registrationProcessing.data.products')}>{technology.products}</Field>
        </Part>
      ) : null}
      {transfer ? (
        <Part title={t('registrationProcessing.data.transfer')}>
          <Field label={t(`registrationOversight.directions.${transfer.direction}`)}>{t(`registrationOversight.forms.${transfer.form}`)}</Field>
          <Field label={transfer.territory}>{transfer.method}</Field>
        </Part>
      ) : null}
      {price ? (
        <Part title={t('registrationProcessing.data.price')}>
          <Field label={t('registrationProcessing.data.totalValue')}>
            {amount(price.totalValue)}
            {price.currency !== 'VND' ? ` (${t('registrationProcessing.data.valueVnd')}: ${formatNumber(Math.round(price.totalValue * price.exchangeRateToVnd), language)} VND)` : ''}
          </Field>
          <Field label={t('registrationProcessing.data.payment')}>
            {price.payments.map((payment) => `${t(`registrationOversight.paymentMethods.${payment.method}`)}${payment.ratePercent !== undefined ? ` ${formatNumber(payment.ratePercent, language)}%` : ''}${payment.amount !== undefined ? ` · ${amount(payment.amount)}` : ''}`).join('\n')}
          </Field>
          <Field label={t('registrationProcessing.data.auditedPrice')}>{yesNo(price.hasAuditedPrice)}</Field>
          <Field label={t('registrationProcessing.data.valuation')}>{yesNo(price.hasIndependentValuation)}</Field>
        </Part>
      ) : null}
      {equipment ? (
        <Part title={t('registrationProcessing.data.equipment')}>
          <Field label={t('registrationProcessing.data.equipment')}>
            {equipment.items.length === 0
              ? t('registrationProcessing.data.noEquipment')
              : equipment.items
                  .map((item) =>
                    t('registrationProcessing.data.equipmentLine', {
                      name: item.name,
                      hs: item.hsCode,
                      country: countryName(item.originCountry, language),
                      year: item.yearMade,
                      capacity: formatNumber(item.remainingCapacityPercent, language),
                      consumption: formatNumber(item.consumptionAboveDesignPercent, language),
                    }),
                  )
                  .join('\n')}
          </Field>
        </Part>
      ) : null}
    </Stack>
  );
}
