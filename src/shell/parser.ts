// Parses sh source into the syntax tree of ast.ts by recursive descent straight over the text, so words keep their
// raw form (quotes, `$(…)`, backticks) for expansion. Errors are worded as busybox ash's.
import type { AndOr, CaseCommand, Command, ForCommand, IfCommand, List, LoopCommand, Pipeline, Redirect, SimpleCommand } from './ast';

export class ShellSyntaxError extends Error {}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);
const META = ' \t\n;&|<>()';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  strip: boolean;
}

export function parseScript(src: string): List {
  return new Parser(src).parseProgram();
}

/** True when the source is an incomplete command an interactive shell would ask more lines for (PS2). */
/** A here-document whose delimiter line has not come yet (the parser takes end of input as its end). */
function pendingHeredoc(src: string): boolean {
  const waiting: { delim: string; strip: boolean }[] = [];
  for (const line of src.split('\n')) {
    if (waiting.length) {
      const w = waiting[0];
      if ((w.strip ? line.replace(/^\t+/, '') : line) === w.delim) waiting.shift();
      continue;
    }
    for (const m of line.matchAll(/<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) waiting.push({ delim: m[3], strip: m[1] === '-' });
  }
  return waiting.length > 0;
}

export function needsMoreInput(src: string): boolean {
  if (pendingHeredoc(src)) return true;
  try {
    parseScript(src);
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && /unterminated|end of file|missing/.test(e.message);
  }
}

class Parser {
  private pos = 0;
  private line = 1;
  private pending: PendingHeredoc[] = [];

  constructor(private readonly src: string) {}

  parseProgram(): List {
    const list = this.parseList([]);
    this.skipBlank(true);
    if (this.pos < this.src.length) this.unexpected();
    return list;
  }

  private fail(msg: string): never {
    throw new ShellSyntaxError(`syntax error: ${msg}`);
  }

  private unexpected(expecting?: string): never {
    const tok = this.peekToken();
    if (tok === undefined) this.fail(`unexpected end of file${expecting ? ` (expecting "${expecting}")` : ''}`);
    if (tok === '\n') this.fail('unexpected newline');
    this.fail(`unexpected "${tok}"`);
  }

  /** The next operator or word, without consuming it (for error messages and lookahead). */
  private peekToken(): string | undefined {
    const save = this.pos;
    const saveLine = this.line;
    this.skipBlank(false);
    let tok: string | undefined;
    if (this.pos < this.src.length) tok = this.readOperator() ?? this.readWord() ?? undefined;
    this.pos = save;
    this.line = saveLine;
    return tok;
  }

  /** Skips spaces, tabs, line continuations and comments; with `newlines`, newlines too (reading here-docs). */
  private skipBlank(newlines: boolean): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (c === '\n' && newlines) {
        this.consumeNewline();
      } else return;
    }
  }

  private consumeNewline(): void {
    this.pos++;
    this.line++;
    if (this.pending.length) this.readHeredocBodies();
  }

  private readHeredocBodies(): void {
    const todo = this.pending;
    this.pending = [];
    for (const h of todo) {
      const lines: string[] = [];
      while (this.pos < this.src.length) {
        let end = this.src.indexOf('\n', this.pos);
        const last = end < 0;
        if (last) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        this.pos = last ? end : end + 1;
        this.line++;
        if (h.strip) text = text.replace(/^\t+/, '');
        if (text === h.delimiter) {
          break;
        }
        lines.push(last ? text : `${text}\n`);
      }
      h.redirect.heredoc = { body: lines.join(''), quoted: h.redirect.heredoc!.quoted };
    }
  }

  private readOperator(): string | undefined {
    const ops = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '<>', '>|', ';', '&', '|', '<', '>', '(', ')', '\n'];
    for (const op of ops) if (this.src.startsWith(op, this.pos)) {
      this.pos += op.length;
      return op;
    }
    return undefined;
  }

  private tryOp(op: string): boolean {
    this.skipBlank(false);
    if (this.src.startsWith(op, this.pos) && !(op === '&' && this.src[this.pos + 1] === '&') && !(op === '|' && this.src[this.pos + 1] === '|') && !(op === ';' && this.src[this.pos + 1] === ';')) {
      this.pos += op.length;
      return true;
    }
    return false;
  }

  private skipNewlines(): void {
    for (;;) {
      this.skipBlank(false);
      if (this.src[this.pos] === '\n') this.consumeNewline();
      else if (this.src[this.pos] === '#') continue;
      else return;
    }
  }

  /** A word in command position that is a reserved word, without consuming it. */
  private peekReserved(): string | undefined {
    this.skipBlank(false);
    const save = this.pos;
    const w = this.readWord();
    this.pos = save;
    return w !== undefined && RESERVED.has(w) ? w : undefined;
  }

  private expectReserved(word: string): void {
    if (this.peekReserved() !== word) this.unexpected(word);
    this.skipBlank(false);
    this.readWord();
  }

  /** A list of and-or items up to one of the `stops` reserved words (or `)`, `;;`, or end of input). */
  private parseList(stops: string[]): List {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.pos >= this.src.length) break;
      const r = this.peekReserved();
      if (r && stops.includes(r)) break;
      const c = this.src[this.pos];
      if (c === ')' || this.src.startsWith(';;', this.pos)) break;
      if (c === ';' || c === '&' || c === '|') this.unexpected();
      const item = this.parseAndOr();
      items.push(item);
      this.skipBlank(false);
      if (this.tryOp('&')) item.background = true;
      else if (this.tryOp(';')) {
        /* next */
      } else if (this.src[this.pos] === '\n') this.consumeNewline();
      else break;
    }
    return { items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlank(false);
      let op: '&&' | '||' | undefined;
      if (this.src.startsWith('&&', this.pos)) op = '&&';
      else if (this.src.startsWith('||', this.pos)) op = '||';
      if (!op) break;
      this.pos += 2;
      this.skipNewlines();
      rest.push({ op, pipeline: this.parsePipeline() });
    }
    return { first, rest, background: false };
  }

  private parsePipeline(): Pipeline {
    let bang = false;
    if (this.peekReserved() === '!') {
      this.readWord();
      bang = true;
    }
    const commands = [this.parseCommand()];
    while (this.tryOp('|')) {
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { bang, commands };
  }

  private parseCommand(): Command {
    this.skipBlank(false);
    const r = this.peekReserved();
    let cmd: Command;
    if (r === 'if') cmd = this.parseIf();
    else if (r === 'while' || r === 'until') cmd = this.parseLoop(r);
    else if (r === 'for') cmd = this.parseFor();
    else if (r === 'case') cmd = this.parseCase();
    else if (r === '{') {
      this.readWord();
      const body = this.parseList(['}']);
      this.expectReserved('}');
      cmd = { kind: 'group', body, redirects: [] };
    } else if (r) this.unexpected();
    else if (this.src[this.pos] === '(') {
      this.pos++;
      const body = this.parseList([]);
      this.skipNewlines();
      if (this.src[this.pos] !== ')') this.unexpected(')');
      this.pos++;
      cmd = { kind: 'subshell', body, redirects: [] };
    } else return this.parseSimple();
    this.parseRedirects(cmd.redirects);
    return cmd;
  }

  private parseRedirects(into: Redirect[]): void {
    for (;;) {
      this.skipBlank(false);
      const r = this.tryRedirect();
      if (!r) return;
      into.push(r);
    }
  }

  private tryRedirect(): Redirect | undefined {
    const save = this.pos;
    let fd: number | undefined;
    const m = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 4));
    if (m) {
      fd = Number(m[0]);
      this.pos += m[0].length;
    }
    const ops = ['<<-', '<<', '>>', '>&', '<&', '<>', '>|', '<', '>'] as const;
    const op = ops.find((o) => this.src.startsWith(o, this.pos));
    if (!op) {
      this.pos = save;
      return undefined;
    }
    this.pos += op.length;
    this.skipBlank(false);
    const target = this.readWord();
    if (target === undefined) this.unexpected();
    const redirect: Redirect = { fd: fd ?? (op[0] === '<' && op !== '<>' ? 0 : op === '<>' ? 0 : 1), op, target };
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target);
      redirect.heredoc = { body: '', quoted };
      this.pending.push({ redirect, delimiter: target.replace(/['"\\]/g, ''), strip: op === '<<-' });
    }
    return redirect;
  }

  private parseSimple(): Command {
    const cmd: SimpleCommand = { kind: 'simple', assigns: [], words: [], redirects: [], line: this.line };
    for (;;) {
      this.skipBlank(false);
      const r = this.tryRedirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      const c = this.src[this.pos];
      if (c === '(' && cmd.words.length === 1 && !cmd.assigns.length) {
        // name() compound-command
        this.pos++;
        this.skipBlank(false);
        if (this.src[this.pos] !== ')') this.unexpected();
        this.pos++;
        this.skipNewlines();
        const body = this.parseCommand();
        return { kind: 'function', name: cmd.words[0], body, redirects: [] };
      }
      const w = this.readWord();
      if (w === undefined) break;
      if (!cmd.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) cmd.assigns.push(w);
      else cmd.words.push(w);
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) this.unexpected();
    return cmd;
  }

  private parseIf(): IfCommand {
    this.readWord();
    const branches: IfCommand['branches'] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.parseList(['then']);
      this.expectReserved('then');
      const body = this.parseList(['elif', 'else', 'fi']);
      branches.push({ cond, body });
      const r = this.peekReserved();
      if (r === 'elif') {
        this.readWord();
        continue;
      }
      if (r === 'else') {
        this.readWord();
        elseBody = this.parseList(['fi']);
      }
      this.expectReserved('fi');
      return { kind: 'if', branches, elseBody, redirects: [] };
    }
  }

  private parseLoop(kind: 'while' | 'until'): LoopCommand {
    this.readWord();
    const cond = this.parseList(['do']);
    this.expectReserved('do');
    const body = this.parseList(['done']);
    this.expectReserved('done');
    return { kind, cond, body, redirects: [] };
  }

  private parseFor(): ForCommand {
    this.readWord();
    this.skipBlank(false);
    const name = this.readWord();
    if (name === undefined || !NAME.test(name)) this.fail(`bad for loop variable`);
    let items: string[] | undefined;
    this.skipNewlines();
    if (this.peekReserved() === 'in') {
      this.readWord();
      items = [];
      for (;;) {
        this.skipBlank(false);
        const w = this.readWord();
        if (w === undefined) break;
        items.push(w);
      }
      this.skipBlank(false);
      if (!this.tryOp(';') && this.src[this.pos] === '\n') this.consumeNewline();
    } else this.tryOp(';');
    this.skipNewlines();
    this.expectReserved('do');
    const body = this.parseList(['done']);
    this.expectReserved('done');
    return { kind: 'for', name, items, body, redirects: [] };
  }

  private parseCase(): CaseCommand {
    this.readWord();
    this.skipBlank(false);
    const word = this.readWord();
    if (word === undefined) this.unexpected();
    this.skipNewlines();
    this.expectReserved('in');
    const arms: CaseCommand['arms'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peekReserved() === 'esac') break;
      this.tryOp('(');
      const patterns: string[] = [];
      for (;;) {
        this.skipBlank(false);
        const p = this.readWord();
        if (p === undefined) this.unexpected();
        patterns.push(p);
        this.skipBlank(false);
        if (this.tryOp('|')) continue;
        if (this.tryOp(')')) break;
        this.unexpected(')');
      }
      const body = this.parseList(['esac']);
      arms.push({ patterns, body });
      this.skipBlank(false);
      if (this.src.startsWith(';;', this.pos)) this.pos += 2;
      else {
        this.skipNewlines();
        if (this.peekReserved() !== 'esac') this.unexpected('esac');
      }
    }
    this.expectReserved('esac');
    return { kind: 'case', word, arms, redirects: [] };
  }

  /** Reads one raw word (quotes and substitutions kept), or undefined at an operator or the end. */
  private readWord(): string | undefined {
    const start = this.pos;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (META.includes(c)) break;
      if (c === '\\') {
        if (this.src[this.pos + 1] === '\n') this.line++;
        this.pos += 2;
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) this.fail('unterminated quoted string');
        this.countLines(this.pos, end);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        this.skipDoubleQuoted();
      } else if (c === '`') {
        this.skipBackquote();
      } else if (c === '$') {
        this.skipDollar();
      } else this.pos++;
    }
    if (this.pos === start) return undefined;
    return this.src.slice(start, this.pos).replace(/\\\n/g, '');
  }

  private countLines(from: number, to: number): void {
    for (let i = from; i < to; i++) if (this.src[i] === '\n') this.line++;
  }

  private skipDoubleQuoted(): void {
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated quoted string');
      const c = this.src[this.pos];
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') this.pos += 2;
      else if (c === '`') this.skipBackquote();
      else if (c === '$') this.skipDollar();
      else {
        if (c === '\n') this.line++;
        this.pos++;
      }
    }
  }

  private skipBackquote(): void {
    this.pos++;
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated quoted string');
      const c = this.src[this.pos];
      if (c === '\\') this.pos += 2;
      else if (c === '`') {
        this.pos++;
        return;
      } else this.pos++;
    }
  }

  private skipDollar(): void {
    const next = this.src[this.pos + 1];
    if (next === '{') {
      this.pos += 2;
      for (;;) {
        if (this.pos >= this.src.length) this.fail("missing '}'");
        const c = this.src[this.pos];
        if (c === '}') {
          this.pos++;
          return;
        }
        if (c === '\\') this.pos += 2;
        else if (c === "'") {
          const end = this.src.indexOf("'", this.pos + 1);
          if (end < 0) this.fail('unterminated quoted string');
          this.pos = end + 1;
        } else if (c === '"') {
          this.pos++;
          this.skipDoubleQuoted();
        } else if (c === '$') this.skipDollar();
        else if (c === '`') this.skipBackquote();
        else this.pos++;
      }
    }
    if (next === '(') {
      const arith = this.src[this.pos + 2] === '(';
      this.pos += arith ? 3 : 2;
      // Find the matching parenthesis by parsing the inner script, so quotes and case arms are handled.
      if (arith) {
        let depth = 2;
        while (depth > 0) {
          if (this.pos >= this.src.length) this.fail('unexpected end of file (expecting ")")');
          const c = this.src[this.pos++];
          if (c === '(') depth++;
          else if (c === ')') depth--;
        }
        return;
      }
      const inner = new Parser(this.src);
      inner.pos = this.pos;
      inner.parseList([]);
      inner.skipNewlines();
      if (inner.src[inner.pos] !== ')') inner.unexpected(')');
      this.countLines(this.pos, inner.pos);
      this.pos = inner.pos + 1;
      return;
    }
    this.pos++;
  }
}

export { NAME as NAME_PATTERN };
