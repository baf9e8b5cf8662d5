import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { Link, RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';

interface RichTextFieldProps {
  label: string;
  description?: string;
  value: string;
  onChange: (html: string) => void;
  error?: string | undefined;
  testId?: string;
}

/**
 * Rich text with only what the server keeps (exchange.sanitize.ts): paragraphs, bold, italic, underline, strike,
 * two heading levels, lists, quotes and links. The server sanitises again; this editor cannot produce anything else.
 */
export function RichTextField({ label, description, value, onChange, error, testId }: RichTextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [3, 4] }, code: false, codeBlock: false, horizontalRule: false, link: false }),
      Link.configure({ openOnClick: false, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { rel: 'nofollow noopener', target: null } }),
    ],
    content: value,
    immediatelyRender: false,
    editorProps: { attributes: { 'aria-labelledby': `${id}-label`, 'aria-multiline': 'true', role: 'textbox', ...(testId ? { 'data-testid': testId } : {}) } },
    onUpdate: ({ editor: current }) => onChange(current.isEmpty ? '' : current.getHTML()),
  });
  // A value replaced from outside (another revision loaded) is shown; typing does not loop back.
  useEffect(() => {
    if (editor && !editor.isFocused && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t('exchangeListings.editor.bold'),
    italicControlLabel: t('exchangeListings.editor.italic'),
    underlineControlLabel: t('exchangeListings.editor.underline'),
    strikeControlLabel: t('exchangeListings.editor.strike'),
    h3ControlLabel: t('exchangeListings.editor.h3'),
    h4ControlLabel: t('exchangeListings.editor.h4'),
    bulletListControlLabel: t('exchangeListings.editor.bulletList'),
    orderedListControlLabel: t('exchangeListings.editor.orderedList'),
    blockquoteControlLabel: t('exchangeListings.editor.blockquote'),
    linkControlLabel: t('exchangeListings.editor.link'),
    unlinkControlLabel: t('exchangeListings.editor.unlink'),
    linkEditorInputLabel: t('exchangeListings.editor.linkUrl'),
    linkEditorInputPlaceholder: t('exchangeListings.editor.linkPlaceholder'),
    linkEditorExternalLink: t('exchangeListings.editor.linkExternal'),
    linkEditorInternalLink: t('exchangeListings.editor.linkInternal'),
    linkEditorSave: t('exchangeListings.editor.linkSave'),
    undoControlLabel: t('exchangeListings.editor.undo'),
    redoControlLabel: t('exchangeListings.editor.redo'),
  };
  return (
    <Input.Wrapper id={id} label={label} description={description} error={error} labelProps={{ id: `${id}-label` }}>
      <RichTextEditor editor={editor} labels={labels} mt={4}>
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={140} />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
