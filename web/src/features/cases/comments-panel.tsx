import { Badge, Box, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCommentView, CommentVisibility } from '../../../../common/src/api/cases.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { formatDateTime } from '../../lib/format.js';

export interface CommentsPanelProps {
  comments: readonly CaseCommentView[];
  /**
   * Sends a comment (the page calls its module's endpoint and reloads). Without it the panel only lists.
   * A rejected promise shows its error (ApiError → translated message) and keeps the text.
   */
  onAdd?: (input: { visibility: CommentVisibility; body: string }) => Promise<void>;
  /** Staff may choose internal or to-the-applicant; others always write to the other side (`applicant`). */
  canChooseVisibility?: boolean;
  /** Visibility preselected when the choice is offered. */
  defaultVisibility?: CommentVisibility;
  testId?: string;
}

const MAX_LENGTH = 4000;

/** The conversation on a case, oldest first, with internal notes marked; and a form to add one. */
export function CommentsPanel({ comments, onAdd, canChooseVisibility = false, defaultVisibility = 'internal', testId = 'comments-panel' }: CommentsPanelProps) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<CommentVisibility>(canChooseVisibility ? defaultVisibility : 'applicant');
  const [error, setError] = useState<unknown>(null);
  const [isSending, setIsSending] = useState(false);
  const [isSent, setIsSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!onAdd || body.trim() === '') return;
    setIsSending(true);
    setError(null);
    setIsSent(false);
    try {
      await onAdd({ visibility: canChooseVisibility ? visibility : 'applicant', body: body.trim() });
      setBody('');
      setIsSent(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <Stack gap="md" data-testid={testId}>
      {comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.comments.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('cases.comments.listLabel')}>
          {comments.map((comment) => (
            <Box
              component="li"
              key={comment.id}
              p="sm"
              data-testid="case-comment"
              data-visibility={comment.visibility}
              style={{ borderLeft: `3px solid var(--mantine-color-${comment.visibility === 'internal' ? 'yellow' : 'harbour'}-6)`, background: 'var(--mantine-color-gray-0)' }}
            >
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text size="sm" fw={600}>
                  {comment.authorName}
                </Text>
                <Group gap="xs">
                  {comment.visibility === 'internal' ? (
                    <Badge color="yellow" variant="light" size="sm">
                      {t('cases.comments.internal')}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed" component="time" dateTime={comment.createdAt}>
                    {formatDateTime(comment.createdAt, i18n.language)}
                  </Text>
                </Group>
              </Group>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {comment.body}
              </Text>
            </Box>
          ))}
        </Stack>
      )}

      {onAdd ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="sm">
            {canChooseVisibility ? (
              <Radio.Group label={t('cases.comments.visibility')} value={visibility} onChange={(value) => setVisibility(value as CommentVisibility)}>
                <Group gap="md" mt={4}>
                  <Radio value="internal" label={t('cases.comments.visibilityInternal')} data-testid="comment-visibility-internal" />
                  <Radio value="applicant" label={t('cases.comments.visibilityApplicant')} data-testid="comment-visibility-applicant" />
                </Group>
              </Radio.Group>
            ) : null}
            <Textarea
              label={t('cases.comments.body')}
              description={t('cases.comments.bodyHint')}
              value={body}
              onChange={(event) => {
                setBody(event.currentTarget.value);
                setIsSent(false);
              }}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={MAX_LENGTH}
              required
              data-testid="comment-body"
            />
            <ErrorAlert error={error} />
            <Group gap="sm">
              <Button type="submit" loading={isSending} disabled={body.trim() === ''} data-testid="comment-send">
                {t('cases.comments.send')}
              </Button>
              {isSent ? (
                <Text size="sm" c="teal.9" role="status">
                  {t('cases.comments.sent')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
