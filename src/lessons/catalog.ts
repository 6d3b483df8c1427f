// A set of lessons read from files (`folder/NN-name.lesson.yaml` + files next to them), keyed by name.
import { loadLesson } from './load-lesson';
import { LessonFormatError, type Lesson } from './lesson-format';

export interface Catalog {
  lessons: Lesson[];
  /** Lesson files that could not be read (file, line, reason). */
  errors: LessonFormatError[];
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Joins a relative path to a folder (`a/b/` + `../files/x.yaml`). */
export function joinPath(dir: string, relative: string): string {
  const parts = (dir + relative).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return (dir.startsWith('/') ? '/' : '') + out.join('/');
}

/** Reads every `*.lesson.yaml` among `files` (path → text), sorted by order then name. */
export function loadCatalog(files: Record<string, string>): Catalog {
  const norm = new Map(Object.entries(files).map(([k, v]) => [k.replace(/^\.\//, ''), v]));
  const lessons: Lesson[] = [];
  const errors: LessonFormatError[] = [];
  for (const [path, text] of [...norm.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!/\.lesson\.ya?ml$/.test(path)) continue;
    try {
      lessons.push(loadLesson(text, path, (rel) => norm.get(joinPath(dirOf(path), rel))));
    } catch (e) {
      if (e instanceof LessonFormatError) errors.push(e);
      else throw e;
    }
  }
  const seen = new Set<string>();
  for (const l of lessons) {
    if (seen.has(l.name)) errors.push(new LessonFormatError(l.source, 1, `another lesson is already named "${l.name}"`));
    seen.add(l.name);
  }
  lessons.sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : 1));
  return { lessons, errors };
}
