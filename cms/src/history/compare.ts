import { diffWords } from 'diff';
import type { Fields, Json } from './fields';

/** A stretch of a field's text: in both, only in the current draft (removed by a restore), or only in the version. */
export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}
/** One field that differs between a version and the current draft. */
export interface FieldChange {
  field: string;
  parts: TextPart[];
}

/** Blocks (rich text) as readable text: one line per paragraph, heading, list item or quote. */
function blocksText(blocks: Json[]): string {
  const inline = (nodes: Json[] = []): string =>
    nodes.map((node) => (typeof node.text === 'string' ? node.text : inline(node.children))).join('');
  const lines: string[] = [];
  const walk = (nodes: Json[]) => {
    for (const node of nodes) {
      if (node.type === 'list') walk(node.children ?? []);
      else if (node.type === 'image') lines.push(`[${node.image?.alternativeText ?? node.image?.name ?? 'image'}]`);
      else lines.push(inline(node.children));
    }
  };
  walk(blocks);
  return lines.join('\n');
}

const isBlocks = (value: Json) =>
  Array.isArray(value) && value.length > 0 && value.every((node) => node && typeof node === 'object' && 'type' in node);

/** A field's value as the text the History panel compares and shows. */
export function displayText(value: Json): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (isBlocks(value)) return blocksText(value);
  if (Array.isArray(value)) return value.map(displayText).join(', ');
  // A file (fields.ts MediaRef) by its name.
  if (typeof value.hash === 'string' && typeof value.name === 'string') return value.name;
  return Object.entries(value)
    .filter(([, item]) => item !== null && item !== undefined && item !== '')
    .map(([key, item]) => `${key}: ${displayText(item)}`)
    .join('\n');
}

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order they were written in. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (!value || typeof value !== 'object') return JSON.stringify(value ?? null);
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
    .join(',')}}`;
}

/**
 * Field by field, what restoring `version` would change in `current` (the draft): word by word,
 * with words as the locale's own segmenter finds them (Chinese has no spaces between words).
 */
export function compareFields(version: Fields, current: Fields | null, locale: string): FieldChange[] {
  const intlSegmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const changes: FieldChange[] = [];
  for (const field of Object.keys(version)) {
    const now = current?.[field] ?? null;
    if (canonical(now) === canonical(version[field])) continue;
    const parts = diffWords(displayText(now), displayText(version[field]), { intlSegmenter }).map(
      ({ value, added, removed }) => ({ value, ...(added ? { added } : {}), ...(removed ? { removed } : {}) }),
    );
    changes.push({ field, parts });
  }
  return changes;
}
