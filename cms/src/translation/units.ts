import { createHash } from 'node:crypto';

/**
 * The translatable text of one locale variant, as translation units: one unit per localized
 * text field, one segment per plain field or per text block (paragraph, heading, quote, list
 * item) of a blocks field. Inline formatting and links become codes with ids unique in their
 * unit, so a translation tool can move them but the structure comes back intact.
 *
 * The same units feed the source hash (outdated tracking), the XLIFF export and the import's
 * "has the source moved on?" check, so the three always agree on what "the source text" is.
 */

export type Mark = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code';
export type CodeKind = Mark | 'link';
export const MARKS: readonly Mark[] = ['bold', 'italic', 'underline', 'strikethrough', 'code'];
/** Nesting order when grouping runs into codes: a link encloses its formatting. */
const GROUPING_ORDER: readonly CodeKind[] = ['link', ...MARKS];

export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'code'; id: string; kind: CodeKind; url?: string; children: InlineNode[] };

/** In an imported target, a code's kind is whatever its id means in the source. */
export type ParsedInlineNode =
  | { type: 'text'; text: string }
  | { type: 'code'; id: string | null; kind: CodeKind | null; children: ParsedInlineNode[] };

export interface FieldSpec {
  /** Attribute path: `title`, or `seo.metaTitle` for a field of a single component. */
  path: string;
  kind: 'plain' | 'blocks';
}

export interface Segment {
  id: string;
  source: InlineNode[];
}
export interface Unit {
  id: string;
  kind: FieldSpec['kind'];
  segments: Segment[];
}

type Json = Record<string, unknown>;
type StrapiText = { type: 'text'; text: string } & Partial<Record<Mark, boolean>>;
type StrapiLink = { type: 'link'; url: string; children: StrapiText[] };
type StrapiInline = StrapiText | StrapiLink;

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote']);

export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Json)[key];
  }
  return current;
}

// --- Strapi inline nodes ⇄ units' inline content ------------------------------------------------

interface Run {
  text: string;
  marks: Set<Mark>;
  link?: { url: string; key: number };
}

function runsOf(children: unknown): Run[] {
  const runs: Run[] = [];
  let linkKey = 0;
  const pushText = (node: Json, link?: Run['link']) => {
    const text = typeof node.text === 'string' ? node.text : '';
    if (text === '') return;
    runs.push({ text, marks: new Set(MARKS.filter((mark) => node[mark] === true)), link });
  };
  for (const node of Array.isArray(children) ? (children as Json[]) : []) {
    if (node?.type === 'link') {
      linkKey += 1;
      const link = { url: String(node.url ?? ''), key: linkKey };
      for (const child of Array.isArray(node.children) ? (node.children as Json[]) : []) pushText(child, link);
    } else if (node?.type === 'text') {
      pushText(node);
    }
  }
  return runs;
}

function has(run: Run, kind: CodeKind): string | null {
  if (kind === 'link') return run.link ? `link:${run.link.key}` : null;
  return run.marks.has(kind) ? kind : null;
}

function group(runs: Run[], kinds: readonly CodeKind[], nextId: () => string): InlineNode[] {
  if (kinds.length === 0) {
    const text = runs.map((run) => run.text).join('');
    return text === '' ? [] : [{ type: 'text', text }];
  }
  const [kind, ...rest] = kinds as [CodeKind, ...CodeKind[]];
  const out: InlineNode[] = [];
  let start = 0;
  while (start < runs.length) {
    const key = has(runs[start]!, kind);
    let end = start + 1;
    while (end < runs.length && has(runs[end]!, kind) === key) end += 1;
    const slice = runs.slice(start, end);
    if (key === null) {
      out.push(...group(slice, rest, nextId));
    } else {
      const id = nextId();
      const url = kind === 'link' ? slice[0]!.link!.url : undefined;
      out.push({ type: 'code', id, kind, ...(url !== undefined ? { url } : {}), children: group(slice, rest, nextId) });
    }
    start = end;
  }
  return mergeTexts(out);
}

function mergeTexts(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', text: last.text + node.text };
    else out.push(node);
  }
  return out;
}

export function inlineFromStrapi(children: unknown, nextId: () => string): InlineNode[] {
  return group(runsOf(children), GROUPING_ORDER, nextId);
}

export function plainText(nodes: ReadonlyArray<InlineNode | ParsedInlineNode>): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : plainText(node.children))).join('');
}

/** The codes of a source segment by id. */
export function codesOf(nodes: InlineNode[], into = new Map<string, { kind: CodeKind; url?: string }>()) {
  for (const node of nodes) {
    if (node.type === 'code') {
      into.set(node.id, { kind: node.kind, url: node.url });
      codesOf(node.children, into);
    }
  }
  return into;
}

/**
 * Strapi inline nodes from a validated target: each code takes its meaning (mark or link URL)
 * from the source code with the same id.
 */
export function inlineToStrapi(
  target: ParsedInlineNode[],
  sourceCodes: Map<string, { kind: CodeKind; url?: string }>,
): StrapiInline[] {
  const runs: Array<{ text: string; marks: Set<Mark>; link?: { id: string; url: string } }> = [];
  const walk = (nodes: ParsedInlineNode[], marks: Set<Mark>, link?: { id: string; url: string }) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (node.text !== '') runs.push({ text: node.text, marks, link });
        continue;
      }
      const code = node.id === null ? undefined : sourceCodes.get(node.id);
      if (!code) throw new Error(`inline code ${node.id ?? '(no id)'} is not in the source`);
      if (code.kind === 'link') walk(node.children, marks, { id: node.id!, url: code.url ?? '' });
      else walk(node.children, new Set([...marks, code.kind]), link);
    }
  };
  walk(target, new Set());

  const textNode = (run: (typeof runs)[number]): StrapiText => {
    const node: StrapiText = { type: 'text', text: run.text };
    for (const mark of MARKS) if (run.marks.has(mark)) node[mark] = true;
    return node;
  };
  const sameMarks = (a: Set<Mark>, b: Set<Mark>) => a.size === b.size && [...a].every((mark) => b.has(mark));

  const out: StrapiInline[] = [];
  // The source code id of the link `out`'s last node belongs to, so two adjacent links stay two.
  let lastLinkId: string | undefined;
  const marksOf = (node: StrapiText) => new Set(MARKS.filter((mark) => node[mark]));
  for (const run of runs) {
    const last = out[out.length - 1];
    if (run.link) {
      if (last?.type === 'link' && lastLinkId === run.link.id) {
        const lastText = last.children[last.children.length - 1]!;
        if (sameMarks(marksOf(lastText), run.marks)) lastText.text += run.text;
        else last.children.push(textNode(run));
      } else {
        out.push({ type: 'link', url: run.link.url, children: [textNode(run)] });
      }
      lastLinkId = run.link.id;
    } else {
      if (last?.type === 'text' && sameMarks(marksOf(last), run.marks)) last.text += run.text;
      else out.push(textNode(run));
      lastLinkId = undefined;
    }
  }
  // Strapi's editor expects every inline container to hold at least one text node.
  return out.length > 0 ? out : [{ type: 'text', text: '' }];
}

// --- Units of a variant ------------------------------------------------------------------------

/** Visits every text-bearing block with its segment id, depth first, in document order. */
function visitTextBlocks(blocks: unknown, visit: (block: Json, id: string) => void, prefix = 'b'): void {
  if (!Array.isArray(blocks)) return;
  blocks.forEach((block: Json, index) => {
    const id = prefix === 'b' ? `b${index}` : `${prefix}.${index}`;
    if (!block || typeof block !== 'object') return;
    if (TEXT_BLOCKS.has(String(block.type)) || block.type === 'list-item') visit(block, id);
    else if (block.type === 'list') visitTextBlocks(block.children, visit, id);
    // code and image blocks are copied from the source as they are.
  });
}

export function extractUnits(fields: readonly FieldSpec[], variant: Json | null | undefined): Unit[] {
  if (!variant) return [];
  const units: Unit[] = [];
  for (const field of fields) {
    const value = getPath(variant, field.path);
    if (field.kind === 'plain') {
      if (typeof value === 'string' && value.trim() !== '') {
        units.push({
          id: field.path,
          kind: 'plain',
          segments: [{ id: 's1', source: [{ type: 'text', text: value }] }],
        });
      }
      continue;
    }
    let counter = 0;
    const nextId = () => String(++counter);
    const segments: Segment[] = [];
    visitTextBlocks(value, (block, id) => {
      const source = inlineFromStrapi(block.children, nextId);
      if (plainText(source).trim() !== '') segments.push({ id, source });
    });
    if (segments.length > 0) units.push({ id: field.path, kind: 'blocks', segments });
  }
  return units;
}

/** A hash of a variant's translatable text (link URLs included): what a translation was made from. */
export function sourceHash(fields: readonly FieldSpec[], variant: Json | null | undefined): string {
  const canonical = extractUnits(fields, variant).map((unit) => [unit.id, unit.segments.map((s) => [s.id, s.source])]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Source content compared the way an XLIFF file carries it: text and code ids/kinds, no URLs. */
export function sameSourceContent(
  a: ReadonlyArray<InlineNode | ParsedInlineNode>,
  b: ReadonlyArray<InlineNode | ParsedInlineNode>,
): boolean {
  const strip = (nodes: ReadonlyArray<InlineNode | ParsedInlineNode>): unknown =>
    nodes.map((node) =>
      node.type === 'text' ? node.text : { id: node.id, kind: node.kind, children: strip(node.children) },
    );
  // Adjacent text nodes (e.g. around a dropped annotation) compare as one.
  const normalize = (nodes: ReadonlyArray<InlineNode | ParsedInlineNode>) => JSON.stringify(strip(mergeParsed(nodes)));
  return normalize(a) === normalize(b);
}

function mergeParsed<T extends InlineNode | ParsedInlineNode>(nodes: ReadonlyArray<T>): T[] {
  const out: T[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && node.text === '') continue;
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', text: last.text + node.text } as T;
    else if (node.type === 'code') out.push({ ...node, children: mergeParsed(node.children as T[]) });
    else out.push(node);
  }
  return out;
}

/** What is wrong with a target's inline codes compared with its source; empty when nothing. */
export function inlineCodeProblems(source: InlineNode[], target: ParsedInlineNode[]): string[] {
  const codes = codesOf(source);
  const seen = new Set<string>();
  const problems: string[] = [];
  const walk = (nodes: ParsedInlineNode[], insideLink: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') continue;
      if (node.id === null) {
        problems.push('an inline code has no id');
      } else if (!codes.has(node.id)) {
        problems.push(`inline code ${node.id} is not in the source`);
      } else if (seen.has(node.id)) {
        problems.push(`inline code ${node.id} appears more than once`);
      } else {
        seen.add(node.id);
        const expected = codes.get(node.id)!.kind;
        if (node.kind !== null && node.kind !== expected)
          problems.push(`inline code ${node.id} is ${node.kind} in the target but ${expected} in the source`);
        if (expected === 'link' && insideLink) problems.push(`link ${node.id} is inside another link`);
      }
      const isLink = node.id !== null && codes.get(node.id)?.kind === 'link';
      walk(node.children, insideLink || isLink);
    }
  };
  walk(target, false);
  for (const [id, code] of codes) if (!seen.has(id)) problems.push(`inline code ${id} (${code.kind}) is missing`);
  return problems;
}

/**
 * The data to write into the target variant: each translated unit's field, built on the
 * source's structure (block types, heading levels, lists, images and code blocks come from the
 * source). Fields of a component are merged into the target's existing component values.
 */
export function buildTargetData(
  fields: readonly FieldSpec[],
  sourceVariant: Json,
  targetVariant: Json | null,
  translations: ReadonlyMap<string, ReadonlyMap<string, ParsedInlineNode[]>>,
): Json {
  const units = new Map(extractUnits(fields, sourceVariant).map((unit) => [unit.id, unit]));
  const data: Json = {};
  for (const field of fields) {
    const translated = translations.get(field.path);
    const unit = units.get(field.path);
    if (!translated || !unit) continue;
    let value: unknown;
    if (field.kind === 'plain') {
      value = plainText(translated.get('s1') ?? []);
    } else {
      const blocks = structuredClone(getPath(sourceVariant, field.path)) as unknown[];
      const sources = new Map(unit.segments.map((segment) => [segment.id, segment.source]));
      visitTextBlocks(blocks, (block, id) => {
        const target = translated.get(id);
        const source = sources.get(id);
        if (target && source) block.children = inlineToStrapi(target, codesOf(source));
      });
      value = blocks;
    }
    const [head, ...rest] = field.path.split('.');
    if (rest.length === 0) {
      data[head!] = value;
    } else {
      const existing = (data[head!] as Json | undefined) ?? componentValues(targetVariant?.[head!]);
      data[head!] = { ...existing, [rest.join('.')]: value };
    }
  }
  return data;
}

/** A component's own values without its database id, so writing it replaces the component. */
function componentValues(component: unknown): Json {
  if (!component || typeof component !== 'object') return {};
  const { id: _id, __component: _type, ...values } = component as Json;
  return values;
}
