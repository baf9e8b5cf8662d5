import { Alert, Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  width?: number;
}

/** Centered card used by the sign-in, sign-up and other account pages. */
export function AuthCard({ title, description, children, width = 460 }: AuthCardProps) {
  return (
    <Container size={width} py={{ base: 'lg', sm: 48 }} px={{ base: 'sm', sm: 'md' }}>
      <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap={6} mb="lg">
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {title}
          </Title>
          {description ? <Text c="dimmed">{description}</Text> : null}
        </Stack>
        {children}
      </Paper>
    </Container>
  );
}

interface AuthSuccessProps {
  testId: string;
  heading: string;
  message: ReactNode;
  /** What comes next (usually a link to sign in). */
  children: ReactNode;
}

/** The end of an account step that worked: a green message, then the way on. */
export function AuthSuccess({ testId, heading, message, children }: AuthSuccessProps) {
  return (
    <Stack gap="md" data-testid={testId}>
      <Alert color="teal" variant="light" title={heading}>
        {message}
      </Alert>
      {children}
    </Stack>
  );
}
