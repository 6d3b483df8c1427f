// The little Markdown lessons use (paragraphs, lists, code blocks, `code`, **bold**, *italic*), parsed to data that
// Svelte renders as text: no HTML from a lesson file ever reaches the page.

export type Inline = { type: 'text' | 'code' | 'strong' | 'em'; text: string };
export type Block = { type: 'p'; inlines: Inline[] } | { type: 'ul'; items: Inline[][] } | { type: 'code'; text: string };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'strong', text: m[2] });
    else out.push({ type: 'em', text: m[3]! });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r/g, '').split('\n');
  let para: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (para.length) blocks.push({ type: 'p', inlines: parseInline(para.join(' ')) });
    para = [];
    if (list) blocks.push({ type: 'ul', items: list.map(parseInline) });
    list = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]!); i++) code.push(lines[i]!);
      blocks.push({ type: 'code', text: code.join('\n') });
    } else if (/^\s*[-*] /.test(line)) {
      if (para.length) {
        blocks.push({ type: 'p', inlines: parseInline(para.join(' ')) });
        para = [];
      }
      (list ??= []).push(line.replace(/^\s*[-*] /, ''));
    } else if (line.trim() === '') flush();
    else if (list && /^\s+/.test(line)) list[list.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}
