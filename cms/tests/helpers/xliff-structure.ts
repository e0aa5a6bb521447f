import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { GLS_NS, MTC_NS, XLIFF_NS } from '../../src/translation/xliff';

/**
 * A structural check of an XLIFF 2.0 file against the rules of the OASIS core schema and the
 * mtc/gls module schemas that our files use: element order, required attributes, value ranges.
 * The schemas themselves (XSD) are not available offline here, so this stands in for xmllint.
 * Answers the problems found; empty when the file conforms.
 */
export function xliffStructureProblems(text: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(
    text,
    'text/xml',
  );
  const children = (el: Element) =>
    Array.from(el.childNodes as unknown as ArrayLike<Node>).filter((n): n is Element => n.nodeType === 1);
  const name = (el: Element) =>
    `${el.namespaceURI === XLIFF_NS ? '' : el.namespaceURI === MTC_NS ? 'mtc:' : el.namespaceURI === GLS_NS ? 'gls:' : '?:'}${el.localName}`;
  const need = (el: Element, attribute: string) => {
    if (!el.getAttribute(attribute)) problems.push(`<${name(el)}> has no ${attribute}`);
  };
  /** The children's names must match `pattern` (names joined by spaces). */
  const order = (el: Element, pattern: RegExp) => {
    const names = children(el).map(name).join(' ');
    if (!pattern.test(names))
      problems.push(`<${name(el)} ${el.getAttribute('id') ?? ''}> children "${names}" break ${pattern}`);
  };
  const root = doc.documentElement!;
  if (root.namespaceURI !== XLIFF_NS || root.localName !== 'xliff') return ['root is not <xliff> in the 2.0 namespace'];
  if (root.getAttribute('version') !== '2.0') problems.push('version is not 2.0');
  need(root, 'srcLang');
  order(root, /^file( file)*$/);
  for (const file of children(root)) {
    need(file, 'id');
    order(file, /^((mtc|gls|\?):\S+ )*(notes )?(unit|group)( (unit|group))*$/);
    for (const unit of children(file).filter((el) => el.localName === 'unit')) {
      need(unit, 'id');
      order(
        unit,
        /^((mtc:matches|gls:glossary|\?:\S+) )*(notes )?(originalData )?(segment|ignorable)( (segment|ignorable))*$/,
      );
      const ids = new Set(
        children(unit)
          .filter((el) => el.localName === 'segment')
          .map((el) => el.getAttribute('id')),
      );
      for (const el of children(unit)) {
        if (name(el) === 'segment') order(el, /^source( target)?$/);
        if (name(el) === 'mtc:matches') {
          order(el, /^mtc:match( mtc:match)*$/);
          for (const match of children(el)) {
            need(match, 'ref');
            if (!ids.has((match.getAttribute('ref') ?? '').replace(/^#/, '')))
              problems.push(
                `mtc:match ref ${match.getAttribute('ref')} names no segment of unit ${unit.getAttribute('id')}`,
              );
            for (const attribute of ['similarity', 'matchQuality', 'matchSuitability']) {
              const value = match.getAttribute(attribute);
              if (value !== null && value !== '' && !(Number(value) >= 0 && Number(value) <= 100))
                problems.push(`mtc:match ${attribute}="${value}" is not 0–100`);
            }
            order(match, /^(\?:metadata )?(originalData )?source target$/);
          }
        }
        if (name(el) === 'gls:glossary') {
          order(el, /^gls:glossEntry( gls:glossEntry)*$/);
          for (const entry of children(el)) order(entry, /^gls:term( gls:translation)*( gls:definition)?$/);
        }
      }
    }
  }
  return problems;
}
