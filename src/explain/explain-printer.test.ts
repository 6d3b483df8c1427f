import { describe, expect, it } from 'vitest';
import { Session } from '../host/session';
import { wordWrap } from './explain-printer';

const START = '2026-01-05T09:00:00.000Z';

describe('wordWrap (go-wordwrap)', () => {
  it.each([
    ['short text', 20, 'short text'],
    ['the quick brown fox jumps', 10, 'the quick\nbrown fox\njumps'],
    ['a https://example.com/a/very/long/url b', 10, 'a\nhttps://example.com/a/very/long/url\nb'],
    ['keeps\n\nblank lines', 40, 'keeps\n\nblank lines'],
  ])('wraps %j at %i', (text, limit, wrapped) => {
    expect(wordWrap(text, limit)).toBe(wrapped);
  });
});

describe('kubectl explain (emulated)', () => {
  const s = new Session({ start: START });

  it('prints a kind with its description and fields, in kubectl 1.32’s layout', () => {
    const r = s.run('kubectl explain pod');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host\. This resource is\n/);
    expect(r.stdout).toContain('\nFIELDS:\n  apiVersion\t<string>\n');
    expect(r.stdout).toContain('  spec\t<PodSpec>\n');
  });

  it('prints a field with its type, enum values and the referenced type’s description', () => {
    expect(s.run('kubectl explain pod.spec.dnsPolicy').stdout).toContain('FIELD: dnsPolicy <string>\nENUM:\n    ClusterFirst\n    ClusterFirstWithHostNet\n    Default\n    None\n\nDESCRIPTION:\n');
    const containers = s.run('kubectl explain pod.spec.containers').stdout;
    expect(containers).toContain('FIELD: containers <[]Container>\n\n\nDESCRIPTION:\n');
    expect(containers).toContain('  name\t<string> -required-\n');
  });

  it('prints the field tree with --recursive and the group of grouped kinds', () => {
    const r = s.run('kubectl explain cronjob.spec.jobTemplate --recursive').stdout;
    expect(r.startsWith('GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n\nFIELD: jobTemplate <JobTemplateSpec>\n')).toBe(true);
    expect(r).toContain('\n    template\t<PodTemplateSpec> -required-\n');
  });

  it('says which field does not exist, and which resource type is unknown', () => {
    expect(s.run('kubectl explain pod.spec.nope')).toMatchObject({ stdout: 'KIND:       Pod\nVERSION:    v1\n\n', stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
    expect(s.run('kubectl explain nope')).toMatchObject({ stderr: 'the server doesn\'t have a resource type "nope"\n', exitCode: 1 });
  });
});
