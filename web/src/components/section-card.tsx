import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  /** id of the h2, which names the section. */
  headingId: string;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}

/** A bordered card that is a page section, named by its h2 (and an optional lead line). */
export function SectionCard({ headingId, title, description, children }: SectionCardProps) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="lg" mb={description ? 4 : 'md'} id={headingId}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}
