// The console: what was typed, what came back (exactly as returned), and the history ↑/↓ walks.
import type { KubevilleApi } from '../../../src/host/api';

export interface ConsoleEntry {
  id: number;
  line: string;
  stdout: string;
  stderr: string;
  exitCode?: number;
  /** Simulated ms the command let pass. */
  elapsedMs: number;
  running: boolean;
  /** The prompt the line was typed at inside a container (`/ # `); undefined on the console's own `$`. */
  prompt?: string;
}

const HISTORY_KEY = 'kubeville.history';
const HISTORY_LIMIT = 200;

export class ConsoleState {
  entries = $state<ConsoleEntry[]>([]);
  history: string[] = loadHistory();
  /** Position in history while walking it with ↑/↓ (history.length = the line being typed). */
  private cursor = this.history.length;
  private draft = '';
  private nextId = 1;
  busy = $state(false);
  /** The shell `kubectl exec -ti` opened in a container: lines go to it until it exits. */
  shell = $state<{ id: number; prompt: string } | undefined>(undefined);
  /** Lines typed so far of a command that needs more (a here-document): the prompt is `> ` meanwhile. */
  pending = $state<string | undefined>(undefined);

  constructor(private api: KubevilleApi) {}

  /** Lines run one after another, in the order typed (a here-document's next line waits for the previous answer). */
  private queue: Promise<void> = Promise.resolve();

  run(line: string): Promise<void> {
    const next = this.queue.then(() => this.runNow(line));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(line: string): Promise<void> {
    // A here-document's lines go as typed (indentation and empty lines matter).
    if (this.pending !== undefined) return this.continueWith(line);
    const trimmed = line.trim();
    this.cursor = this.history.length;
    if (trimmed === '') return;
    if (this.history[this.history.length - 1] !== trimmed) {
      this.history.push(trimmed);
      if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
      saveHistory(this.history);
    }
    this.cursor = this.history.length;
    if (this.shell) return this.input(line);
    if (trimmed === 'clear') {
      this.entries = [];
      return;
    }
    const entry: ConsoleEntry = { id: this.nextId++, line: trimmed, stdout: '', stderr: '', elapsedMs: 0, running: true };
    this.entries.push(entry);
    const live = this.entries[this.entries.length - 1]!;
    this.busy = true;
    try {
      const result = await this.api.run(trimmed);
      live.stdout = result.stdout;
      live.stderr = result.stderr;
      live.exitCode = result.exitCode;
      live.elapsedMs = result.elapsedMs;
      if (result.interactive) this.shell = { ...result.interactive };
      if (result.incomplete) this.pending = trimmed;
    } catch (e) {
      live.stderr = `${e instanceof Error ? e.message : String(e)}\n`;
      live.exitCode = 1;
    } finally {
      live.running = false;
      this.busy = false;
    }
  }

  /** The next line of a command that needed more: sent again as a whole, shown as one entry. */
  private async continueWith(line: string): Promise<void> {
    const text = `${this.pending}\n${line}`;
    const live = this.entries[this.entries.length - 1]!;
    live.line = text;
    live.running = true;
    this.busy = true;
    try {
      const result = await this.api.run(text);
      this.pending = result.incomplete ? text : undefined;
      live.stdout = result.stdout;
      live.stderr = result.stderr;
      live.exitCode = result.exitCode;
      live.elapsedMs = result.elapsedMs;
      if (result.interactive) this.shell = { ...result.interactive };
    } catch (e) {
      this.pending = undefined;
      live.stderr = `${e instanceof Error ? e.message : String(e)}\n`;
      live.exitCode = 1;
    } finally {
      live.running = false;
      this.busy = false;
    }
  }

  /** A line typed in the container's shell (`null`: Ctrl-D); the terminal output goes under it. */
  async input(line: string | null): Promise<void> {
    const shell = this.shell;
    if (!shell) return;
    const entry: ConsoleEntry = { id: this.nextId++, line: line ?? '', stdout: '', stderr: '', elapsedMs: 0, running: true, prompt: shell.prompt };
    this.entries.push(entry);
    const live = this.entries[this.entries.length - 1]!;
    this.busy = true;
    try {
      const r = await this.api.input(shell.id, line);
      live.stdout = r.output;
      live.elapsedMs = r.elapsedMs;
      if (r.exited !== undefined) {
        live.exitCode = r.exited;
        this.shell = undefined;
      } else {
        this.shell = { id: shell.id, prompt: r.prompt };
      }
    } catch (e) {
      live.stderr = `${e instanceof Error ? e.message : String(e)}\n`;
      this.shell = undefined;
    } finally {
      live.running = false;
      this.busy = false;
    }
  }

  /** ↑: the previous line of history (the current draft is kept to come back to). */
  previous(current: string): string {
    if (this.cursor === this.history.length) this.draft = current;
    if (this.cursor > 0) this.cursor--;
    return this.history[this.cursor] ?? current;
  }

  /** ↓: the next line of history, then back to the draft. */
  next(current: string): string {
    if (this.cursor >= this.history.length) return current;
    this.cursor++;
    return this.cursor === this.history.length ? this.draft : this.history[this.cursor]!;
  }

  clear(): void {
    this.entries = [];
  }
}

function loadHistory(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

function saveHistory(history: string[]): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // No storage: the history lasts this visit.
  }
}
