import { Alert, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { SourceLinks } from '../calendar/calendar-parts.js';
import { localized } from '../catalog/catalog-api.js';
import { RuleVerifiedBadge } from '../legal-rules/rule-value.js';
import type { Citation, RegistrationCheckResult } from './registration-check-api.js';

/** Verdict colours with AA contrast on white text (dark shades). */
const VERDICT_COLOR = { prohibited: 'red.9', restricted: 'orange.9', must_register: 'harbour.8', voluntary: 'teal.9' } as const;

/** "Căn cứ: …" with the verified / "chưa xác minh" mark and the source links. */
function CitationLine({ citation }: { citation: Citation }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap" mt={4}>
      <Text size="xs" c="dimmed">
        {t('registrationCheck.result.citation', { citation: localized(i18n.language, citation.vi, citation.en) })}
      </Text>
      <RuleVerifiedBadge verified={citation.verified} />
      {citation.sourceUrl ? <SourceLinks sourceUrl={citation.sourceUrl} /> : null}
    </Group>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap={4} component="section" aria-labelledby={id}>
      <Title order={3} fz="md" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The answer: verdict, reasons, list resemblance, authority, filer, deadlines, fee, dossier or licence steps. */
export function RegistrationCheckResultView({ result, headingRef }: { result: RegistrationCheckResult; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (value: number) => formatNumber(value, lang);
  const match = result.listMatch;
  return (
    <Card withBorder padding="lg" mt="xl" component="section" aria-labelledby="registration-result-title" data-testid="registration-result">
      <Stack gap="md">
        <Title order={2} id="registration-result-title" ref={headingRef} tabIndex={-1}>
          {t('registrationCheck.result.heading')}
        </Title>
        <Text fw={700} c="white" bg={VERDICT_COLOR[result.verdict]} p="sm" style={{ borderRadius: 'var(--mantine-radius-sm)' }} data-testid="registration-verdict" data-verdict={result.verdict}>
          {t(`registrationCheck.result.verdicts.${result.verdict}`)}
        </Text>

        <Section id="registration-reasons" title={t('registrationCheck.result.reasonsHeading')}>
          {result.reasons.map((reason) => (
            <div key={reason.code}>
              <Text size="sm">{t(`registrationCheck.result.reasons.${reason.code}`)}</Text>
              <CitationLine citation={reason.citation} />
            </div>
          ))}
          {match ? (
            <Alert variant="light" color={match.listType === 'prohibited' ? 'red' : 'orange'} mt="xs" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} data-testid="registration-match">
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('registrationCheck.result.resemblance', { name: localized(lang, match.nameVi, match.nameEn), score: Math.round(match.score * 100) })}
                </Text>
                {match.matchedTerms.length ? <Text size="sm">{t('registrationCheck.result.matchedTerms', { terms: match.matchedTerms.join(', ') })}</Text> : null}
                {!match.inForce && match.validTo ? <Text size="sm">{t('registrationCheck.result.notInForce', { date: formatDate(match.validTo, lang) })}</Text> : null}
                <Text size="sm">{t('registrationCheck.result.resemblanceNote')}</Text>
              </Stack>
            </Alert>
          ) : null}
        </Section>

        {result.authority ? (
          <Section id="registration-authority" title={t('registrationCheck.result.authorityHeading')}>
            <Text size="sm" fw={600} data-testid="registration-authority">
              {t(`registrationCheck.result.authorities.${result.authority.authority}`)}
            </Text>
            {result.authority.noteVi ? <Text size="sm" c="dimmed">{localized(lang, result.authority.noteVi, result.authority.noteEn ?? result.authority.noteVi)}</Text> : null}
            <CitationLine citation={result.authority.citation} />
          </Section>
        ) : null}

        {result.filer ? (
          <Section id="registration-filer" title={t('registrationCheck.result.filerHeading')}>
            <Text size="sm">{t(`registrationCheck.result.filers.${result.filer.party}`)}</Text>
            <CitationLine citation={result.filer.citation} />
          </Section>
        ) : null}

        {result.filing ? (
          <Section id="registration-deadlines" title={t('registrationCheck.result.deadlinesHeading')}>
            <Text size="sm">{t('registrationCheck.result.window', { days: result.filing.window.value })}</Text>
            {result.filing.fileBy ? (
              <Text size="sm" fw={600} data-testid="registration-file-by">
                {t('registrationCheck.result.fileBy', { date: formatDate(result.filing.fileBy, lang) })}
              </Text>
            ) : null}
            {result.filing.isOverdue ? (
              <Alert variant="light" color="orange" role="alert" p="xs" data-testid="registration-overdue">
                <Text size="sm" c="dark.9">
                  {t('registrationCheck.result.overdue')}
                </Text>
              </Alert>
            ) : null}
            <CitationLine citation={result.filing.window.citation} />
            <Text size="sm" mt="xs">
              {t('registrationCheck.result.completeness', { days: result.filing.completenessCheck.value })}
            </Text>
            <CitationLine citation={result.filing.completenessCheck.citation} />
            <Text size="sm" mt="xs">
              {t('registrationCheck.result.decision', { days: result.filing.decisionDeadline.value })}
            </Text>
            <CitationLine citation={result.filing.decisionDeadline.citation} />
          </Section>
        ) : null}

        {result.fee ? (
          <Section id="registration-fee" title={t('registrationCheck.result.feeHeading')}>
            {result.fee.amountVnd !== null ? (
              <Text size="sm" fw={600} data-testid="registration-fee">
                {t('registrationCheck.result.feeAmount', { amount: money(result.fee.amountVnd) })}
              </Text>
            ) : null}
            <Text size="sm">{t('registrationCheck.result.feeRange', { percent: formatNumber(result.fee.percent, lang), min: money(result.fee.minVnd), max: money(result.fee.maxVnd) })}</Text>
            <CitationLine citation={result.fee.citation} />
          </Section>
        ) : null}

        {result.documents ? (
          <Section id="registration-documents" title={t('registrationCheck.result.documentsHeading')}>
            <List size="sm" spacing="xs">
              {result.documents.map((document) => (
                <List.Item key={document.code}>
                  {t(`registrationCheck.result.documents.${document.code}`)}
                  <CitationLine citation={document.citation} />
                </List.Item>
              ))}
            </List>
          </Section>
        ) : null}

        {result.licenceSteps ? (
          <Section id="registration-licence" title={t('registrationCheck.result.licenceHeading')}>
            <List size="sm" spacing="xs" type="ordered">
              {result.licenceSteps.map((step) => (
                <List.Item key={step.key}>
                  {t(`registrationCheck.result.licenceSteps.${step.key.replace(/^restricted\./, '')}`, { value: money(step.value) })}
                  <CitationLine citation={step.citation} />
                </List.Item>
              ))}
            </List>
          </Section>
        ) : null}

        <Alert variant="filled" color="harbour" title={t('registrationCheck.result.guidanceTitle')} data-testid="registration-guidance">
          {t('registrationCheck.result.guidance')}
        </Alert>

        {result.verdict === 'must_register' || result.verdict === 'voluntary' ? (
          <Group>
            <ButtonLink to="/registrations/new" data-testid="registration-file-dossier">
              {t('registrationFiling.checkLink')}
            </ButtonLink>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
