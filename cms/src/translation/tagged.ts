import type { InlineNode, ParsedInlineNode } from './units';

/**
 * Inline content as the Translate screen's text boxes show it: the text with each inline code
 * (bold, link …) as a numbered tag pair ⟦1⟧…⟦/1⟧, as CAT tools show XLIFF codes. The brackets
 * (U+27E6/U+27E7) do not occur in the company's texts, so no escaping is needed. Dependency-free:
 * the admin bundle imports it too.
 */
export const OPEN = '⟦';
export const CLOSE = '⟧';

export function toTagged(nodes: ReadonlyArray<InlineNode | ParsedInlineNode>): string {
  return nodes
    .map((node) =>
      node.type === 'text'
        ? node.text
        : `${OPEN}${node.id}${CLOSE}${toTagged(node.children)}${OPEN}/${node.id}${CLOSE}`,
    )
    .join('');
}

/** The tags' text removed: what the reader will see. */
export const untagged = (text: string) => text.replace(/⟦\/?[^⟦⟧]*⟧/gu, '');

/** Parses tagged text; the kind of each code comes from the source later (inlineCodeProblems). */
export function fromTagged(text: string): { nodes: ParsedInlineNode[]; problems: string[] } {
  const problems: string[] = [];
  const root: ParsedInlineNode[] = [];
  const stack: Array<{ id: string; children: ParsedInlineNode[] }> = [];
  const current = () => stack[stack.length - 1]?.children ?? root;
  const pattern = /⟦(\/?)([^⟦⟧]*)⟧/gu;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) current().push({ type: 'text', text: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, closing, id] = match as unknown as [string, string, string];
    if (!closing) {
      stack.push({ id, children: [] });
      continue;
    }
    const open = stack.pop();
    if (!open || open.id !== id) {
      problems.push(`tag ${OPEN}/${id}${CLOSE} closes ${open ? `${OPEN}${open.id}${CLOSE}` : 'no open tag'}`);
      if (open) stack.push(open);
      continue;
    }
    current().push({ type: 'code', id: open.id, kind: null, children: open.children });
  }
  if (last < text.length) current().push({ type: 'text', text: text.slice(last) });
  for (const open of stack) problems.push(`tag ${OPEN}${open.id}${CLOSE} is not closed`);
  return { nodes: root, problems };
}
