import { Anchor, Badge, Card, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { citation, localized, sourceUrls, validityText, type ListItem, type ListType, type ListVersion } from './technology-lists-api.js';

const LIST_COLORS: Record<ListType, string> = { prohibited: 'red', restricted: 'orange', encouraged: 'teal' };

export function ListTypeBadge({ listType }: { listType: ListType }) {
  const { t } = useTranslation();
  return (
    <Badge color={LIST_COLORS[listType]} variant="light" c="dark.8">
      {t(`techLists.listTypes.${listType}`)}
    </Badge>
  );
}

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <Badge color="teal" variant="light" c="dark.8">
      {t('techLists.verified')}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" c="dark.8">
      {t('techLists.unverified')}
    </Badge>
  );
}

export function SourceLinks({ value }: { value: string | null }) {
  const { t } = useTranslation();
  const urls = sourceUrls(value);
  if (urls.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap">
      {urls.map((url, index) => (
        <Anchor key={url} href={url} target="_blank" rel="noopener noreferrer" size="xs">
          {urls.length > 1 ? t('techLists.sources', { n: index + 1 }) : t('techLists.source')}
        </Anchor>
      ))}
    </Group>
  );
}

/** One version in force: instrument, validity, verified and completeness marks; an incomplete one shows its note. */
export function VersionSummary({ version }: { version: ListVersion }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(!version.isComplete);
  const note = localized(i18n.language, version.noteVi, version.noteEn);
  const noteId = `version-note-${version.id}`;
  return (
    <Card withBorder padding="sm" data-testid="lists-version-summary">
      <Group gap="xs" wrap="wrap" mb={4}>
        <Text fw={600}>{localized(i18n.language, version.sourceInstrument, version.sourceInstrumentEn)}</Text>
        <Badge variant="default">{version.code}</Badge>
        <VerifiedBadge verified={version.verified} />
        {version.isComplete ? (
          <Badge color="teal" variant="light" c="dark.8">
            {t('techLists.complete')}
          </Badge>
        ) : (
          <Badge color="red" variant="light" c="red.9">
            {t('techLists.incomplete')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {validityText(t, i18n.language, version)}
      </Text>
      {!version.isComplete ? (
        <Text size="sm" fw={600} c="red.9" mt={4} role="note">
          {t('techLists.incompleteWarning', { code: version.code })}
        </Text>
      ) : null}
      {note ? (
        <>
          <UnstyledButton onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={noteId} mt={4}>
            <Text size="sm" c="harbour.8" td="underline">
              {open ? t('techLists.hideNote') : t('techLists.showNote')}
            </Text>
          </UnstyledButton>
          <Collapse expanded={open}>
            <Text size="sm" id={noteId} mt={4}>
              {note}
            </Text>
          </Collapse>
        </>
      ) : null}
      <SourceLinks value={version.sourceUrl} />
    </Card>
  );
}

/** One list item with its citation, verified mark, direction, sector, condition and sources. */
export function ListItemCard({ item }: { item: ListItem }) {
  const { t, i18n } = useTranslation();
  const name = localized(i18n.language, item.nameVi, item.nameEn);
  const otherName = i18n.language === 'en' ? item.nameVi : item.nameEn;
  const condition = localized(i18n.language, item.conditionVi, item.conditionEn);
  const keywords = i18n.language === 'en' ? item.keywordsEn : item.keywordsVi;
  return (
    <Card withBorder padding="md" component="article" data-testid="lists-item">
      <Group gap="xs" wrap="wrap" mb={6}>
        <ListTypeBadge listType={item.listType} />
        <VerifiedBadge verified={item.verified} />
        <Badge variant="default">{t(`techLists.directions.${item.direction}`)}</Badge>
        {item.vsicCode ? (
          <AnchorLink to="/vsic" search={{ q: item.vsicCode }} size="sm">
            {t('techLists.sector')}: {item.vsicCode}
          </AnchorLink>
        ) : null}
      </Group>
      <Text component="h3" fw={600} fz="md" m={0} lang={i18n.language === 'en' ? 'en' : 'vi'}>
        {name}
      </Text>
      <Text size="sm" c="dimmed" lang={i18n.language === 'en' ? 'vi' : 'en'}>
        {otherName}
      </Text>
      <Stack gap={2} mt={6}>
        {condition ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('techLists.condition')}:
            </Text>{' '}
            {condition}
          </Text>
        ) : null}
        {item.section ? (
          <Text size="sm" c="dimmed">
            {item.section}
          </Text>
        ) : null}
        <Text size="sm" fs="italic" data-testid="lists-item-citation">
          {citation(t, i18n.language, item)}
        </Text>
        {keywords.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('techLists.keywords')}: {keywords.join(', ')}
          </Text>
        ) : null}
        <SourceLinks value={item.sourceUrl} />
      </Stack>
    </Card>
  );
}
