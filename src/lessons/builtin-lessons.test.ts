// `kubeville lesson check` for every built-in lesson: each passes, or is SKIPPED because the engine lacks a
// capability it needs — never FAIL.
import { describe, expect, it } from 'vitest';
import { builtinLessonFiles } from '../../assets/lessons/builtin';
import { loadCatalog } from './catalog';
import { checkLesson, formatReport } from './check-lesson';

const catalog = loadCatalog(builtinLessonFiles());

describe('built-in lessons', () => {
  it('all load without format errors, ten of them in the source lesson’s order', () => {
    expect(catalog.errors.map((e) => e.message)).toEqual([]);
    expect(catalog.lessons.map((l) => l.name)).toEqual(['why-services', 'clusterip', 'nodeport', 'loadbalancer', 'externalname', 'how-services-work', 'outside-in', 'jobs', 'cronjobs', 'sandbox']);
  });

  for (const lesson of catalog.lessons) {
    it(`lesson check ${lesson.name} passes (or is skipped for a missing capability)`, () => {
      const report = checkLesson(lesson);
      expect(report.verdict, formatReport(report)).not.toBe('FAIL');
      if (report.verdict === 'SKIPPED') expect(report.reason).toMatch(/lacks|need/);
    });
  }
});
