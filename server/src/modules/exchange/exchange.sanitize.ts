import sanitizeHtml from 'sanitize-html';
import type { ListingContent, RichText } from '../../../../common/src/api/exchange-listings.js';

/**
 * The one allow-list for listing rich text (issue 4 "Bad input": rich text is sanitised on the server). Paragraphs,
 * line breaks, emphasis, lists, two heading levels, quotes and links (http, https, mailto; always rel="nofollow
 * noopener"). Every other tag is dropped with its attributes; script and style are dropped with their content.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template'],
  transformTags: { a: (_tag, attribs) => ({ tagName: 'a', attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'nofollow noopener' } }) },
};

export function sanitizeRichHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Text without any markup (for the classifier and for "is it empty?" checks). */
export function richTextPlain(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

function sanitizeRich(value: RichText): RichText {
  const out: RichText = {};
  for (const lang of ['vi', 'en'] as const) {
    const clean = value[lang] === undefined ? '' : sanitizeRichHtml(value[lang]);
    if (richTextPlain(clean).length > 0) out[lang] = clean;
  }
  return out;
}

/** The rich-text fields of each kind. */
export function richTextFields(content: ListingContent): RichText[] {
  switch (content.kind) {
    case 'offer':
      return [content.description];
    case 'demand':
      return [content.problem, content.currentProcess, content.wantedResults];
    case 'expert':
      return [content.expertise];
    case 'intermediary':
      return [content.about];
  }
}

/** A copy of the content with every RichText field sanitised (empty languages dropped). Pure. */
export function sanitizeListingContent(content: ListingContent): ListingContent {
  switch (content.kind) {
    case 'offer':
      return { ...content, description: sanitizeRich(content.description) };
    case 'demand':
      return { ...content, problem: sanitizeRich(content.problem), currentProcess: sanitizeRich(content.currentProcess), wantedResults: sanitizeRich(content.wantedResults) };
    case 'expert':
      return { ...content, expertise: sanitizeRich(content.expertise) };
    case 'intermediary':
      return { ...content, about: sanitizeRich(content.about) };
  }
}
