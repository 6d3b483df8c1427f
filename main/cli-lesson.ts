// `kubeville lesson list` and `kubeville lesson check FILE|NAME|--all`: the lessons, verified headless.
import { builtinLessonFiles } from '../assets/lessons/builtin';
import { loadCatalog, joinPath, type Catalog } from '../src/lessons/catalog';
import { checkLesson, formatReport } from '../src/lessons/check-lesson';
import { loadLesson } from '../src/lessons/load-lesson';
import { LessonFormatError, textIn, type Lang, type Lesson } from '../src/lessons/lesson-format';
import { missingCapabilities } from '../src/lessons/capabilities';

export interface LessonIO {
  readFile(path: string): string | undefined;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  listDir(path: string): string[] | undefined;
}

export const LESSON_USAGE = `  kubeville lesson list                        the lessons, one a line: name, number, title
  kubeville lesson check FILE|NAME|--all       run a lesson's "show me" solutions and report each step's checks
`;

let cached: Catalog | undefined;

/** The built-in lessons: bundled by Vite, or read from assets/lessons when run from source (tsx). */
function builtin(io: LessonIO): Catalog {
  if (cached) return cached;
  let files: Record<string, string>;
  try {
    files = builtinLessonFiles();
  } catch {
    const root = io.env.KUBEVILLE_LESSONS ?? 'assets/lessons';
    files = {};
    const walk = (dir: string) => {
      for (const p of io.listDir(dir) ?? []) {
        if (/\.ya?ml$/.test(p)) files[p.slice(root.length + 1)] = io.readFile(p) ?? '';
        else walk(p);
      }
    };
    walk(root);
  }
  cached = loadCatalog(files);
  return cached;
}

function langOf(env: Record<string, string | undefined>): Lang {
  return /^fr/i.test(env.KUBEVILLE_LANG ?? env.LC_ALL ?? env.LANG ?? '') ? 'fr' : 'en';
}

/** Runs `kubeville lesson …`; returns the exit code. */
export function runLessonCommand(args: string[], io: LessonIO): number {
  const [sub, ...rest] = args;
  const lang = langOf(io.env);
  if (sub === 'list') {
    const catalog = builtin(io);
    for (const l of catalog.lessons) {
      const missing = missingCapabilities([...l.requires, ...l.steps.flatMap((s) => s.requires)]);
      io.stdout(`${l.name}\t${l.order}\t${textIn(l.title, lang)}${missing.length ? `\t(needs ${[...new Set(missing)].join(', ')})` : ''}\n`);
    }
    for (const e of catalog.errors) io.stderr(`${e.message}\n`);
    return catalog.errors.length ? 1 : 0;
  }
  if (sub === 'check') {
    if (rest.length !== 1) {
      io.stderr(`kubeville lesson check: name one lesson (a file or a name from \`kubeville lesson list\`), or --all\n`);
      return 2;
    }
    let lessons: Lesson[];
    try {
      lessons = resolve(rest[0]!, io);
    } catch (e) {
      if (e instanceof LessonFormatError) {
        io.stderr(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    let failed = false;
    for (const lesson of lessons) {
      const report = checkLesson(lesson, lang);
      io.stdout(formatReport(report));
      if (report.verdict === 'FAIL') failed = true;
    }
    return failed ? 1 : 0;
  }
  io.stderr(`kubeville lesson: unknown subcommand "${sub ?? ''}"\n\n${LESSON_USAGE}`);
  return 2;
}

function resolve(target: string, io: LessonIO): Lesson[] {
  if (target === '--all') {
    const catalog = builtin(io);
    if (catalog.errors.length) throw catalog.errors[0]!;
    return catalog.lessons;
  }
  if (/\.ya?ml$/.test(target) || target.includes('/')) {
    const text = io.readFile(target);
    if (text === undefined) throw new LessonFormatError(target, 1, 'no such file');
    const dir = target.includes('/') ? target.slice(0, target.lastIndexOf('/') + 1) : '';
    return [loadLesson(text, target, (rel) => io.readFile(rel.startsWith('/') ? rel : joinPath(dir, rel)))];
  }
  const catalog = builtin(io);
  const lesson = catalog.lessons.find((l) => l.name === target || String(l.order) === target);
  if (!lesson) throw new LessonFormatError(target, 1, `no built-in lesson is named "${target}" (see \`kubeville lesson list\`)`);
  return [lesson];
}
