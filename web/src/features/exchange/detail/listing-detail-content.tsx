import { Anchor, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLanguage, ListingContent, PriceIndication } from '../../../../../common/src/api/exchange-listings.js';
import { countryName, formatNumber } from '../../../lib/format.js';
import { RichText, safeHref } from '../shared/rich-text.js';
import { pickText, type LocalText } from './listing-text.js';

/** One titled section of the detail. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={2} fz="lg">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A RichText field in the reader's language (or the original, labelled). */
function Rich({ value, original }: { value: LocalText; original: ContentLanguage }) {
  const { t, i18n } = useTranslation();
  const shown = pickText(value, i18n.language, original);
  if (!shown.text) return null;
  return (
    <div lang={shown.language}>
      {shown.isReaderLanguage ? null : (
        <Badge variant="outline" color="gray" size="sm" mb={4}>
          {t('exchange.languageLabel', { language: t(`exchange.languages.${shown.language}`) })}
        </Badge>
      )}
      <RichText html={shown.text} />
    </div>
  );
}

function Price({ price }: { price: PriceIndication }) {
  const { t, i18n } = useTranslation();
  if (price.kind === 'negotiable') return <Text>{t('exchange.priceNegotiable')}</Text>;
  return <Text>{t('exchange.priceRange', { min: formatNumber(price.min, i18n.language), max: formatNumber(price.max, i18n.language), currency: price.currency })}</Text>;
}

function Countries({ codes }: { codes: string[] }) {
  const { i18n } = useTranslation();
  if (codes.length === 0) return null;
  return (
    <Group gap={6}>
      {codes.map((code) => (
        <Badge key={code} variant="light" color="gray" tt="none">
          {countryName(code, i18n.language)}
        </Badge>
      ))}
    </Group>
  );
}

function TransferForms({ forms }: { forms: string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {forms.map((form) => (
        <Badge key={form} variant="light" tt="none">
          {t(`exchange.transferForms.${form}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** The detail of a listing (content beyond the teaser), per kind. Shown only when the API sent it. */
export function ListingDetailContent({ content }: { content: ListingContent }) {
  const { t, i18n } = useTranslation();
  const d = (key: string) => t(`exchangeDetail.sections.${key}`);
  const original = content.originalLanguage;
  switch (content.kind) {
    case 'offer':
      return (
        <Stack gap="lg" data-testid="listing-detail">
          <Section title={d('description')}>
            <Rich value={content.description} original={original} />
          </Section>
          <Section title={d('transferForms')}>
            <TransferForms forms={content.transferForms} />
          </Section>
          <Section title={d('price')}>
            <Price price={content.price} />
          </Section>
          {content.intellectualProperty.length > 0 ? (
            <Section title={d('intellectualProperty')}>
              <Table withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{d('ipType')}</Table.Th>
                    <Table.Th>{d('ipNumber')}</Table.Th>
                    <Table.Th>{d('ipTerritory')}</Table.Th>
                    <Table.Th>{d('ipStatus')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {content.intellectualProperty.map((ip, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{t(`exchange.ipTypes.${ip.type}`)}</Table.Td>
                      <Table.Td>{ip.number ?? ''}</Table.Td>
                      <Table.Td>{ip.territory.map((code) => countryName(code, i18n.language)).join(', ')}</Table.Td>
                      <Table.Td>{t(`exchange.ipStatuses.${ip.status}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
          ) : null}
        </Stack>
      );
    case 'demand':
      return (
        <Stack gap="lg" data-testid="listing-detail">
          <Section title={d('problem')}>
            <Rich value={content.problem} original={original} />
          </Section>
          <Section title={d('currentProcess')}>
            <Rich value={content.currentProcess} original={original} />
          </Section>
          <Section title={d('wantedResults')}>
            <Rich value={content.wantedResults} original={original} />
          </Section>
          <Section title={d('budget')}>
            <Price price={content.budget} />
          </Section>
          <Section title={d('timeline')}>
            <Text>{t('exchangeDetail.sections.timelineMonths', { count: content.timelineMonths })}</Text>
          </Section>
          {content.minimumTrl ? (
            <Section title={d('minimumTrl')}>
              <Text>{t('exchange.trl', { level: content.minimumTrl })}</Text>
            </Section>
          ) : null}
          {content.preferredTransferForms.length > 0 ? (
            <Section title={d('preferredTransferForms')}>
              <TransferForms forms={content.preferredTransferForms} />
            </Section>
          ) : null}
          {content.preferredCountries.length > 0 ? (
            <Section title={d('preferredCountries')}>
              <Countries codes={content.preferredCountries} />
            </Section>
          ) : null}
          <Section title={d('location')}>
            <Text>{content.location}</Text>
          </Section>
        </Stack>
      );
    case 'expert':
      return (
        <Stack gap="lg" data-testid="listing-detail">
          <Section title={d('expertise')}>
            <Rich value={content.expertise} original={original} />
          </Section>
          <Section title={d('availability')}>
            <Group gap="xs">
              <Badge variant="light">{t(`exchange.availabilities.${content.availability}`)}</Badge>
              {content.isOverseasVietnamese ? <Badge variant="outline">{d('overseasVietnamese')}</Badge> : null}
            </Group>
            {pickText(content.availabilityNote, i18n.language, original).text ? <Text size="sm">{pickText(content.availabilityNote, i18n.language, original).text}</Text> : null}
          </Section>
          <Section title={d('languages')}>
            <Text>{content.languages.map((code) => t(`exchange.languages.${code}`, { defaultValue: code.toUpperCase() })).join(', ')}</Text>
          </Section>
          {content.countries.length > 0 ? (
            <Section title={d('countries')}>
              <Countries codes={content.countries} />
            </Section>
          ) : null}
          {content.publications.length > 0 ? (
            <Section title={d('publications')}>
              <List size="sm">
                {content.publications.map((item, index) => (
                  <List.Item key={index}>
                    <LinkOrText url={item.url} text={item.year ? `${item.title} (${item.year})` : item.title} />
                  </List.Item>
                ))}
              </List>
            </Section>
          ) : null}
          {content.patents.length > 0 ? (
            <Section title={d('patents')}>
              <List size="sm">
                {content.patents.map((item, index) => (
                  <List.Item key={index}>
                    <LinkOrText url={item.url} text={item.number ? `${item.title} — ${item.number}` : item.title} />
                  </List.Item>
                ))}
              </List>
            </Section>
          ) : null}
        </Stack>
      );
    case 'intermediary':
      return (
        <Stack gap="lg" data-testid="listing-detail">
          <Section title={d('about')}>
            <Rich value={content.about} original={original} />
          </Section>
          <Section title={d('services')}>
            <List size="sm">
              {content.services.map((item) => (
                <List.Item key={item.service}>
                  <Text fw={600} span>
                    {t(`exchange.intermediaryServices.${item.service}`)}
                  </Text>
                  {pickText(item.description, i18n.language, original).text ? <Text size="sm">{pickText(item.description, i18n.language, original).text}</Text> : null}
                </List.Item>
              ))}
            </List>
          </Section>
          {content.countries.length > 0 ? (
            <Section title={d('countries')}>
              <Countries codes={content.countries} />
            </Section>
          ) : null}
          {content.website ? (
            <Section title={d('website')}>
              <LinkOrText url={content.website} text={content.website} />
            </Section>
          ) : null}
        </Stack>
      );
  }
}

/** An external link (http/https only, nofollow) or plain text. */
function LinkOrText({ url, text }: { url: string | undefined; text: string }) {
  const href = safeHref(url ?? null);
  return href ? (
    <Anchor href={href} target="_blank" rel="nofollow noopener noreferrer">
      {text}
    </Anchor>
  ) : (
    <>{text}</>
  );
}
