import { describe, expect, it } from 'vitest';
import { buildScene } from './scene';
import { lessonWorld } from './scene-fixtures';
import { spotlightKeys } from './spotlight';

describe('spotlightKeys', () => {
  const scene = buildScene(lessonWorld(), { showSystem: false });

  it('lights a pod with its node, services, job and cron job', () => {
    const keys = spotlightKeys('Pod/default/tick-1-abcde', scene);
    expect([...keys]).toEqual(expect.arrayContaining(['Pod/default/tick-1-abcde', 'Node//kind-worker2', 'Job/default/tick-1', 'CronJob/default/tick', 'Pod/default/tick-1-abcde#main']));
    expect(keys.has('Pod/default/web-1')).toBe(false);
  });

  it('lights a CronJob with its Jobs and their pods', () => {
    const keys = spotlightKeys('CronJob/default/tick', scene);
    expect(keys.has('Job/default/tick-1')).toBe(true);
    expect(keys.has('Pod/default/tick-1-abcde')).toBe(true);
    expect(keys.has('Service/default/web-gate')).toBe(false);
  });

  it('lights a Service with its endpoint pods and their nodes', () => {
    const keys = spotlightKeys('Service/default/web-gate', scene);
    expect(keys.has('Pod/default/web-2')).toBe(true);
    expect(keys.has('Node//kind-worker2')).toBe(true);
    expect(keys.has('CronJob/default/tick')).toBe(false);
  });
});
