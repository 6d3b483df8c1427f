// The syntax tree of a POSIX sh script. Words stay as raw source text (quotes included); expansion reads them.

export interface Redirect {
  /** The file descriptor redirected (1 for `>`, 0 for `<` unless written, e.g. `2>`). */
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '<<-' | '<>' | '>|';
  /** Raw word: a file name, an fd number for `>&`, or the here-document delimiter. */
  target: string;
  /** Here-document body; `quoted` when the delimiter was quoted (no expansion inside). */
  heredoc?: { body: string; quoted: boolean };
}

export interface SimpleCommand {
  kind: 'simple';
  assigns: string[];
  words: string[];
  redirects: Redirect[];
  line: number;
}

export interface IfCommand {
  kind: 'if';
  branches: { cond: List; body: List }[];
  elseBody?: List;
  redirects: Redirect[];
}

export interface LoopCommand {
  kind: 'while' | 'until';
  cond: List;
  body: List;
  redirects: Redirect[];
}

export interface ForCommand {
  kind: 'for';
  name: string;
  /** undefined: `for x; do` iterates over "$@". */
  items?: string[];
  body: List;
  redirects: Redirect[];
}

export interface CaseCommand {
  kind: 'case';
  word: string;
  arms: { patterns: string[]; body: List }[];
  redirects: Redirect[];
}

export interface GroupCommand {
  kind: 'group' | 'subshell';
  body: List;
  redirects: Redirect[];
}

export interface FunctionDef {
  kind: 'function';
  name: string;
  body: Command;
  redirects: Redirect[];
}

export type Command = SimpleCommand | IfCommand | LoopCommand | ForCommand | CaseCommand | GroupCommand | FunctionDef;

export interface Pipeline {
  bang: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

export interface List {
  items: AndOr[];
}
