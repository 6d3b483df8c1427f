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

  constructor(private api: KubevilleApi) {}

  async run(line: string): Promise<void> {
    const trimmed = line.trim();
    this.cursor = this.history.length;
    if (trimmed === '') return;
    if (this.history[this.history.length - 1] !== trimmed) {
      this.history.push(trimmed);
      if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
      saveHistory(this.history);
    }
    this.cursor = this.history.length;
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
    } catch (e) {
      live.stderr = `${e instanceof Error ? e.message : String(e)}\n`;
      live.exitCode = 1;
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
