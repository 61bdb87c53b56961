// What the docs test reads out of a Markdown file: its links (with the line they are on), the
// anchors its headings make (GitHub's way), and the code snippets marked as files. Code (fenced
// blocks and inline spans) is skipped when looking for links, as a Markdown renderer does.

export interface Link {
  target: string;
  line: number;
}

export interface Snippet {
  /** The repository path named by the marker line, `<!-- file: path -->`. */
  file: string;
  /** The fence's content, each line without the fence's own indentation, ending in a newline. */
  body: string;
  line: number;
}

const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
const FILE_MARKER = /^\s*<!--\s*file:\s*(\S+)\s*-->\s*$/;

interface Line {
  text: string;
  line: number;
  /** Set on the lines of a fenced code block (fences included): which block, and the line's role. */
  block?: { id: number; role: 'open' | 'body' | 'close'; indent: number };
}

/** Splits a document into lines, marking those inside fenced code blocks. */
function classify(markdown: string): Line[] {
  const out: Line[] = [];
  let open: { marker: string; id: number; indent: number } | null = null;
  let blocks = 0;
  markdown.split('\n').forEach((text, i) => {
    const line = i + 1;
    const m = FENCE.exec(text);
    if (open) {
      const closes = m && m[2]![0] === open.marker[0] && m[2]!.length >= open.marker.length && m[3]!.trim() === '';
      out.push({ text, line, block: { id: open.id, role: closes ? 'close' : 'body', indent: open.indent } });
      if (closes) open = null;
    } else if (m) {
      open = { marker: m[2]!, id: ++blocks, indent: m[1]!.length };
      out.push({ text, line, block: { id: open.id, role: 'open', indent: open.indent } });
    } else {
      out.push({ text, line });
    }
  });
  return out;
}

/** Links and images, `[x](target)`, `![x](target)`, `<a href>` and `<img src>`, outside code. */
export function links(markdown: string): Link[] {
  const found: Link[] = [];
  for (const { text, line, block } of classify(markdown)) {
    if (block) continue;
    const prose = text.replace(/(`+)[\s\S]*?\1/g, '').replace(/<!--[\s\S]*?-->/g, '');
    for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push({ target: m[1]!, line });
    for (const m of prose.matchAll(/<(?:a|img)\s[^>]*?\b(?:href|src)="([^"]+)"/g)) found.push({ target: m[1]!, line });
  }
  return found;
}

/** Absolute http(s) URLs anywhere in the document, code included. */
export function urls(markdown: string): Link[] {
  const found: Link[] = [];
  markdown.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(/https?:\/\/[^\s"'`)\]]+/g)) {
      found.push({ target: m[0].replace(/[>.,;:]+$/, ''), line: i + 1 });
    }
  });
  return found;
}

/** GitHub's heading slug: lowercase, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
    .split(/(`+[^`]*`+)/) // code spans are text; elsewhere HTML tags are dropped
    .map((part, i) => (i % 2 ? part : part.replace(/<[^>]+>/g, '')))
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[`*_~]/g, (c) => (c === '_' ? '_' : ''));
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a document defines: heading slugs (repeats get -1, -2 …) and explicit ids. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text, block } of classify(markdown)) {
    if (block) continue;
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading) {
      const base = slug(heading[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of text.matchAll(/<[a-z]+\s[^>]*?\b(?:id|name)="([^"]+)"/g)) out.add(m[1]!);
  }
  return out;
}

/**
 * Code blocks marked as a file: a line `<!-- file: path/in/repo -->` right before the opening
 * fence (blank lines between are allowed). The marked block must be the whole file.
 */
export function snippets(markdown: string): Snippet[] {
  const lines = classify(markdown);
  const out: Snippet[] = [];
  lines.forEach(({ text, line, block }, i) => {
    const marker = FILE_MARKER.exec(text);
    if (!marker || block) return;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.block && lines[j]!.text.trim() === '') j++;
    const open = lines[j]?.block?.role === 'open' ? lines[j]!.block! : undefined;
    // A marker with no block right after it yields an empty body, which matches no file.
    const body = open
      ? lines
          .filter((l) => l.block?.id === open.id && l.block.role === 'body')
          .map((l) => l.text.slice(Math.min(open.indent, /^ */.exec(l.text)![0].length)))
      : [];
    out.push({ file: marker[1]!, body: body.length ? `${body.join('\n')}\n` : '', line });
  });
  return out;
}
