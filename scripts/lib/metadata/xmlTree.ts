// Parses metadata XML into a small element tree that remembers the line of every element, which
// fast-xml-parser's object output cannot. Well-formedness is decided by fast-xml-parser's XMLValidator first;
// the tree builder only ever sees documents that validator accepted.
import { XMLValidator } from 'fast-xml-parser';

export type XmlElement = {
  name: string;
  line: number;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated, entity-decoded character data directly inside this element (CDATA included). */
  text: string;
};

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; line: number; message: string };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, code: string) => {
    if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ENTITIES[code] ?? whole;
  });
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]] = decodeEntities(match[3] ?? match[4] ?? '');
  }
  return attributes;
}

export function parseXml(text: string): XmlParseResult {
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) return { ok: false, line: verdict.err.line, message: verdict.err.msg };

  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  let position = 0;
  for (const match of text.matchAll(token)) {
    line += countLines(text, position, match.index);
    position = match.index;
    const [, cdata, closing, opening, attributeSource, selfClosing, characters] = match;
    const parent = stack[stack.length - 1];
    if (opening !== undefined) {
      const element: XmlElement = {
        name: opening,
        line,
        attributes: parseAttributes(attributeSource ?? ''),
        children: [],
        text: ''
      };
      if (parent) parent.children.push(element);
      else root ??= element;
      if (selfClosing !== '/') stack.push(element);
    } else if (closing !== undefined) {
      stack.pop();
    } else if (cdata !== undefined) {
      if (parent) parent.text += cdata;
    } else if (characters !== undefined && parent) {
      parent.text += decodeEntities(characters);
    }
  }
  if (!root) return { ok: false, line: 1, message: 'no root element' };
  return { ok: true, root };
}
