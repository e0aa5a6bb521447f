import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import type { CodeKind, InlineNode, ParsedInlineNode } from './units';

/**
 * XLIFF 2.0 (OASIS, core module only) written and read with @xmldom/xmldom: a W3C DOM, so mixed
 * content such as `text <pc …>bold</pc> text` is built and parsed as nodes and every escape is the
 * library's job, never string concatenation.
 *
 * Inline formatting is a `<pc>` (paired code) per formatting run: type="fmt" with the reserved
 * subTypes xlf:b / xlf:i / xlf:u, and medee:strike / medee:code where XLIFF has no reserved
 * value; links are type="link". Codes are marked canDelete="no" and canCopy="no": the import
 * needs each source code exactly once in the target (translators may move them).
 */

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
/** Translation candidates (memory matches) and glossary modules; the import reads past them. */
export const MTC_NS = 'urn:oasis:names:tc:xliff:matches:2.0';
export const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const CODE_ATTRIBUTES: Record<CodeKind, { type: string; subType?: string }> = {
  bold: { type: 'fmt', subType: 'xlf:b' },
  italic: { type: 'fmt', subType: 'xlf:i' },
  underline: { type: 'fmt', subType: 'xlf:u' },
  strikethrough: { type: 'fmt', subType: 'medee:strike' },
  code: { type: 'fmt', subType: 'medee:code' },
  link: { type: 'link' },
};

function kindOf(type: string | null, subType: string | null): CodeKind | null {
  for (const [kind, attributes] of Object.entries(CODE_ATTRIBUTES) as Array<
    [CodeKind, { type: string; subType?: string }]
  >) {
    if (attributes.type === type && (attributes.subType ?? null) === (subType || null)) return kind;
  }
  return null;
}

export interface XliffSegment {
  id: string;
  source: InlineNode[];
  target?: InlineNode[];
}
export interface XliffMatch {
  /** The segment id the match is for. */
  segment: string;
  /** Similarity in percent. */
  score: number;
  source: string;
  target: string;
}
export interface XliffGlossEntry {
  term: string;
  translation: string;
  definition?: string;
}
export interface XliffUnit {
  id: string;
  name?: string;
  /** Translation-memory matches (mtc module), as plain text. */
  matches?: XliffMatch[];
  /** Glossary entries for terms in the unit's source (gls module). */
  glossary?: XliffGlossEntry[];
  segments: XliffSegment[];
}
export interface XliffFile {
  id: string;
  original: string;
  notes?: string[];
  units: XliffUnit[];
}
export interface XliffDocument {
  srcLang: string;
  trgLang: string;
  files: XliffFile[];
}

export function buildXliff(document: XliffDocument): string {
  const doc = new DOMImplementation().createDocument(XLIFF_NS, 'xliff', null);
  const root = doc.documentElement!;
  root.setAttribute('version', '2.0');
  root.setAttribute('srcLang', document.srcLang);
  root.setAttribute('trgLang', document.trgLang);
  root.setAttributeNS(XMLNS_NS, 'xmlns:mtc', MTC_NS);
  root.setAttributeNS(XMLNS_NS, 'xmlns:gls', GLS_NS);

  const element = (name: string, attributes: Record<string, string | undefined> = {}, ns = XLIFF_NS) => {
    const el = doc.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) if (value !== undefined) el.setAttribute(key, value);
    return el;
  };
  // Structural elements are indented for people reading the file; source and target content is not touched.
  const append = (parent: Element, child: Element, depth: number) => {
    parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
    parent.appendChild(child);
    return child;
  };
  const close = (parent: Element, depth: number) => parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
  const appendInline = (parent: Element, nodes: InlineNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        parent.appendChild(doc.createTextNode(node.text));
      } else {
        const pc = element('pc', { id: node.id, ...CODE_ATTRIBUTES[node.kind], canCopy: 'no', canDelete: 'no' });
        appendInline(pc, node.children);
        parent.appendChild(pc);
      }
    }
  };

  for (const file of document.files) {
    const fileEl = append(root, element('file', { id: file.id, original: file.original }), 1);
    if (file.notes?.length) {
      const notes = append(fileEl, element('notes'), 2);
      for (const text of file.notes) append(notes, element('note'), 3).appendChild(doc.createTextNode(text));
      close(notes, 2);
    }
    for (const unit of file.units) {
      const unitEl = append(fileEl, element('unit', { id: unit.id, name: unit.name }), 2);
      unitEl.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      // Module elements come before the unit's segments (XLIFF 2.0 core schema).
      if (unit.matches?.length) {
        const matches = append(unitEl, element('mtc:matches', {}, MTC_NS), 3);
        for (const match of unit.matches) {
          const matchEl = append(
            matches,
            element(
              'mtc:match',
              { ref: `#${match.segment}`, similarity: String(match.score), type: 'tm', origin: 'medee' },
              MTC_NS,
            ),
            4,
          );
          append(matchEl, element('source'), 5).appendChild(doc.createTextNode(match.source));
          append(matchEl, element('target'), 5).appendChild(doc.createTextNode(match.target));
          close(matchEl, 4);
        }
        close(matches, 3);
      }
      if (unit.glossary?.length) {
        const glossary = append(unitEl, element('gls:glossary', {}, GLS_NS), 3);
        for (const entry of unit.glossary) {
          const entryEl = append(glossary, element('gls:glossEntry', {}, GLS_NS), 4);
          append(entryEl, element('gls:term', { source: 'medee' }, GLS_NS), 5).appendChild(
            doc.createTextNode(entry.term),
          );
          if (entry.translation)
            append(entryEl, element('gls:translation', {}, GLS_NS), 5).appendChild(
              doc.createTextNode(entry.translation),
            );
          if (entry.definition)
            append(entryEl, element('gls:definition', {}, GLS_NS), 5).appendChild(doc.createTextNode(entry.definition));
          close(entryEl, 4);
        }
        close(glossary, 3);
      }
      for (const segment of unit.segments) {
        const translated = segment.target !== undefined;
        const segmentEl = append(
          unitEl,
          element('segment', { id: segment.id, state: translated ? 'translated' : 'initial' }),
          3,
        );
        appendInline(append(segmentEl, element('source'), 4), segment.source);
        if (translated) appendInline(append(segmentEl, element('target'), 4), segment.target!);
        close(segmentEl, 3);
      }
      close(unitEl, 2);
    }
    close(fileEl, 1);
  }
  close(root, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

// --- Reading ---------------------------------------------------------------------------------

export interface ParsedSegment {
  id: string;
  source: ParsedInlineNode[];
  /** null when the segment has no target or an empty one. */
  target: ParsedInlineNode[] | null;
  /** Problems in this segment's inline markup (unsupported elements, codes without ids …). */
  problems: string[];
}
export interface ParsedUnit {
  id: string;
  segments: ParsedSegment[];
}
export interface ParsedFile {
  id: string;
  original: string;
  units: ParsedUnit[];
}
export interface ParsedXliff {
  version: string;
  srcLang: string;
  trgLang: string;
  files: ParsedFile[];
}

/** The file is not XLIFF 2.0 we can read at all; `problems` says why, with line numbers where known. */
export class XliffFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not a readable XLIFF 2.0 file: ${problems.join('; ')}`);
    this.name = 'XliffFormatError';
  }
}

const isElement = (node: Node): node is Element => node.nodeType === 1;
const childElements = (el: Element, name?: string): Element[] =>
  Array.from(el.childNodes as unknown as ArrayLike<Node>).filter(
    (node): node is Element =>
      isElement(node) && node.namespaceURI === XLIFF_NS && (name === undefined || node.localName === name),
  );

function parseInline(el: Element, problems: string[]): ParsedInlineNode[] {
  const out: ParsedInlineNode[] = [];
  for (const node of Array.from(el.childNodes as unknown as ArrayLike<Node>)) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      out.push({ type: 'text', text: node.nodeValue ?? '' });
    } else if (isElement(node)) {
      const name = node.namespaceURI === XLIFF_NS ? node.localName : node.nodeName;
      if (name === 'pc') {
        const type = node.getAttribute('type');
        const kind = type === null ? null : kindOf(type, node.getAttribute('subType'));
        if (type !== null && kind === null)
          problems.push(
            `unknown inline code type "${type}${node.getAttribute('subType') ? `/${node.getAttribute('subType')}` : ''}"`,
          );
        out.push({ type: 'code', id: node.getAttribute('id') || null, kind, children: parseInline(node, problems) });
      } else if (name === 'mrk') {
        // Annotations (terms, comments) added by translation tools: keep their text.
        out.push(...parseInline(node, problems));
      } else if (name === 'cp') {
        const hex = node.getAttribute('hex') ?? '';
        const code = Number.parseInt(hex, 16);
        if (/^[0-9a-fA-F]{1,6}$/.test(hex) && code <= 0x10ffff)
          out.push({ type: 'text', text: String.fromCodePoint(code) });
        else problems.push(`<cp hex="${hex}"> is not a code point`);
      } else {
        problems.push(`unsupported inline element <${name}> (this file only uses <pc>)`);
      }
    }
  }
  return out;
}

function collectUnits(container: Element, units: ParsedUnit[]): void {
  for (const el of childElements(container)) {
    if (el.localName === 'group') collectUnits(el, units);
    if (el.localName !== 'unit') continue;
    const segments: ParsedSegment[] = [];
    for (const segmentEl of childElements(el, 'segment')) {
      const problems: string[] = [];
      const sourceEl = childElements(segmentEl, 'source')[0];
      const targetEl = childElements(segmentEl, 'target')[0];
      const source = sourceEl ? parseInline(sourceEl, problems) : [];
      if (!sourceEl) problems.push('the segment has no <source>');
      const target = targetEl ? parseInline(targetEl, problems) : null;
      const empty = target === null || target.every((node) => node.type === 'text' && node.text.trim() === '');
      segments.push({ id: segmentEl.getAttribute('id') ?? '', source, target: empty ? null : target, problems });
    }
    units.push({ id: el.getAttribute('id') ?? '', segments });
  }
}

export function parseXliff(text: string): ParsedXliff {
  const fatal: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') fatal.push(message.trim());
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw new XliffFormatError([error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error)]);
  }
  if (fatal.length > 0) throw new XliffFormatError(fatal);
  const root = doc.documentElement;
  if (root?.localName !== 'xliff' || root.namespaceURI !== XLIFF_NS) {
    throw new XliffFormatError([`the root element must be <xliff xmlns="${XLIFF_NS}">`]);
  }
  const problems: string[] = [];
  const version = root.getAttribute('version') ?? '';
  if (version !== '2.0') problems.push(`version is "${version}", expected "2.0"`);
  const srcLang = root.getAttribute('srcLang') ?? '';
  const trgLang = root.getAttribute('trgLang') ?? '';
  if (!srcLang) problems.push('srcLang is missing');
  if (!trgLang) problems.push('trgLang is missing (the file must say which locale it translates into)');

  const files: ParsedFile[] = [];
  const fileIds = new Set<string>();
  for (const fileEl of childElements(root, 'file')) {
    const id = fileEl.getAttribute('id') ?? '';
    if (!id) problems.push('a <file> has no id');
    else if (fileIds.has(id)) problems.push(`file id "${id}" is used twice`);
    fileIds.add(id);
    const units: ParsedUnit[] = [];
    collectUnits(fileEl, units);
    const unitIds = new Set<string>();
    for (const unit of units) {
      if (!unit.id) problems.push(`file ${id}: a <unit> has no id`);
      else if (unitIds.has(unit.id)) problems.push(`file ${id}: unit id "${unit.id}" is used twice`);
      unitIds.add(unit.id);
    }
    files.push({ id, original: fileEl.getAttribute('original') ?? '', units });
  }
  if (files.length === 0) problems.push('the file has no <file> elements');
  if (problems.length > 0) throw new XliffFormatError(problems);
  return { version, srcLang, trgLang, files };
}
