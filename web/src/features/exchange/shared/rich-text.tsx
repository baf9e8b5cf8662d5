import { Fragment, type ReactNode } from 'react';
import { Typography } from '@mantine/core';

/**
 * Renders the exchange's rich text (HTML sanitised by the server, exchange.sanitize.ts) as React elements, without
 * `dangerouslySetInnerHTML`: the HTML is parsed by the browser's DOMParser (an inert document: no script runs, no
 * resource loads) and only the allow-listed tags become elements. Links keep only http, https and mailto hrefs and
 * open with rel="nofollow noopener noreferrer". Unknown tags are unwrapped (their text stays, as text); script-like
 * elements are dropped with their content. Every attribute other than a link's href is dropped.
 */
export interface RichTextProps {
  /** HTML of one language of a RichText field. */
  html: string;
}

const ALLOWED = new Set(['p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'a']);
/** Elements whose content is never text for a reader. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'title', 'head', 'select', 'button', 'form', 'input']);
const SAFE_HREF = /^(https?:|mailto:)/i;

/** The href when it is http(s) or mailto, else null (javascript:, data:, relative links…). */
export function safeHref(href: string | null): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  return SAFE_HREF.test(trimmed) ? trimmed : null;
}

function renderNodes(nodes: NodeListOf<ChildNode>, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  nodes.forEach((node, index) => {
    const key = `${keyPrefix}.${index}`;
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent) out.push(node.textContent);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (DROPPED.has(tag)) return;
    const children = renderNodes(element.childNodes, key);
    if (!ALLOWED.has(tag)) {
      out.push(<Fragment key={key}>{children}</Fragment>);
      return;
    }
    if (tag === 'br') {
      out.push(<br key={key} />);
      return;
    }
    if (tag === 'a') {
      const href = safeHref(element.getAttribute('href'));
      out.push(
        href ? (
          <a key={key} href={href} rel="nofollow noopener noreferrer" target="_blank">
            {children}
          </a>
        ) : (
          <Fragment key={key}>{children}</Fragment>
        ),
      );
      return;
    }
    const Tag = tag as 'p';
    out.push(<Tag key={key}>{children}</Tag>);
  });
  return out;
}

/** The allow-listed React elements of an HTML fragment (exported for tests). */
export function richTextNodes(html: string): ReactNode[] {
  if (!html) return [];
  const document = new DOMParser().parseFromString(html, 'text/html');
  return renderNodes(document.body.childNodes, 'rt');
}

export function RichText({ html }: RichTextProps) {
  return <Typography>{richTextNodes(html)}</Typography>;
}
