// The built-in lessons, bundled by Vite (Electron main, browser worker, CLI build, vitest): path → text.
/// <reference types="vite/client" />

/** Every lesson file and provided file under assets/lessons, keyed by path relative to this folder. */
export function builtinLessonFiles(): Record<string, string> {
  const modules = import.meta.glob<string>(['./**/*.yaml', './**/*.yml'], { query: '?raw', import: 'default', eager: true });
  return Object.fromEntries(Object.entries(modules).map(([k, v]) => [k.replace(/^\.\//, ''), v]));
}
