import { describe, expect, it } from 'vitest';
import { buildScene, sceneObjects } from './scene';
import { lessonWorld, pod, node } from './scene-fixtures';

describe('buildScene', () => {
  it('holds every object the lesson talks about once, containers included', () => {
    const scene = buildScene(lessonWorld(), { showSystem: false });
    const keys = sceneObjects(scene).map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'Node//kind-control-plane',
        'Pod/default/web-1',
        'Pod/default/web-1#main',
        'Service/default/pizza',
        'CronJob/default/tick',
        'Job/default/tick-1',
        'Pod/default/tick-1-abcde',
      ]),
    );
  });

  it('links a job’s pod to its Job and CronJob, and a CronJob to its Jobs', () => {
    const scene = buildScene(lessonWorld(), { showSystem: false });
    const p = scene.nodes.flatMap((n) => n.pods).find((x) => x.name === 'tick-1-abcde');
    expect(p?.job).toBe('Job/default/tick-1');
    expect(p?.cronJob).toBe('CronJob/default/tick');
    expect(scene.cronJobs[0]?.jobs).toEqual(['Job/default/tick-1']);
  });

  it('gives each service its type, node port, external name or public address', () => {
    const scene = buildScene(lessonWorld(), { showSystem: false });
    const byName = new Map(scene.services.map((s) => [s.name, s]));
    expect(byName.get('web-gate')?.ports).toEqual([{ port: 80, nodePort: 30080 }]);
    expect(byName.get('pizza')?.externalName).toBe('pizza.example.com');
    expect(byName.get('web-public')?.externalIP).toBe('203.0.113.10');
    expect(byName.get('web-internal')?.endpointPods).toEqual(['Pod/default/web-1', 'Pod/default/web-2', 'Pod/default/web-3']);
  });

  it('keeps a pod no node has taken in the waiting field', () => {
    const scene = buildScene([node('kind-worker'), pod('lost', undefined)], { showSystem: false });
    expect(scene.pending.map((p) => p.name)).toEqual(['lost']);
    expect(scene.pending[0]?.category).toBe('Pending');
  });

  it('keeps an unchanged pod’s scene object from one world to the next, and makes a new one for a replaced pod', () => {
    const world = lessonWorld();
    const first = buildScene(world, { showSystem: false });
    const replaced = world.map((o) => (o.metadata.name === 'web-2' ? { ...o } : o));
    const second = buildScene(replaced, { showSystem: false });
    const podsOf = (s: typeof first) => new Map(s.nodes.flatMap((n) => n.pods).map((p) => [p.name, p]));
    expect(podsOf(second).get('web-1')).toBe(podsOf(first).get('web-1'));
    expect(podsOf(second).get('web-2')).not.toBe(podsOf(first).get('web-2'));
    expect(podsOf(second).get('web-2')).toEqual(podsOf(first).get('web-2'));
  });
});
