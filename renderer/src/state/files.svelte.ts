// The workspace files panel: the Session's files, one open in a plain-text editor with its unsaved draft.
import type { KubevilleApi, WorkspaceFile } from '../../../src/host/api';

export class FilesState {
  files = $state.raw<WorkspaceFile[]>([]);
  selected = $state<string | undefined>(undefined);
  draft = $state('');
  justSaved = $state(false);

  current = $derived(this.files.find((f) => f.name === this.selected));
  dirty = $derived(this.current !== undefined && this.draft !== this.current.text);

  constructor(private api: KubevilleApi) {}

  async refresh(): Promise<void> {
    this.files = await this.api.listFiles();
    if (this.selected && !this.files.some((f) => f.name === this.selected)) this.selected = undefined;
    if (!this.selected && this.files.length) this.open(this.files[0]!.name);
    else if (this.current && !this.dirty) this.draft = this.current.text;
  }

  open(name: string): void {
    this.selected = name;
    this.draft = this.files.find((f) => f.name === name)?.text ?? '';
    this.justSaved = false;
  }

  async save(): Promise<void> {
    if (!this.selected) return;
    await this.api.writeFile(this.selected, this.draft);
    await this.refresh();
    this.justSaved = true;
  }

  revert(): void {
    if (this.current) this.draft = this.current.text;
  }

  async create(name: string): Promise<void> {
    const clean = name.trim();
    if (!clean) return;
    if (!this.files.some((f) => f.name === clean)) await this.api.writeFile(clean, '');
    await this.refresh();
    this.open(clean);
  }

  async remove(name: string): Promise<void> {
    await this.api.deleteFile(name);
    if (this.selected === name) this.selected = undefined;
    await this.refresh();
  }
}
