import type { BodyItem } from './data';

/** Strapi "blocks" JSON (the rich-text editor's format) from the seed files' simple body items. */
export type Block =
  | { type: 'paragraph'; children: [{ type: 'text'; text: string }] }
  | { type: 'heading'; level: number; children: [{ type: 'text'; text: string }] }
  | {
      type: 'list';
      format: 'unordered';
      children: Array<{ type: 'list-item'; children: [{ type: 'text'; text: string }] }>;
    };

export function toBlocks(items: BodyItem[]): Block[] {
  return items.map((item): Block => {
    if (typeof item === 'string') return { type: 'paragraph', children: [{ type: 'text', text: item }] };
    if ('heading' in item)
      return { type: 'heading', level: item.level, children: [{ type: 'text', text: item.heading }] };
    return {
      type: 'list',
      format: 'unordered',
      children: item.list.map((text) => ({ type: 'list-item', children: [{ type: 'text', text }] })),
    };
  });
}
