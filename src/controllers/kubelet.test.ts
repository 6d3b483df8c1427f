import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/pod';
import type { Simulation } from '../sim/simulation';
import { eventLines, eventsAbout, newCluster, pod, podManifest, timeUntil } from '../testing/builders';

const phaseOf = (sim: Simulation, name: string) => () => pod(sim, name)?.status?.phase;


describe('kubelet: starting containers', () => {
  it('runs nginx within 5 to 10 seconds of creation', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = newCluster({ seed });
      sim.api.create(podManifest({ name: 'web', image: 'nginx' }));
      const took = timeUntil(sim, () => phaseOf(sim, 'web')() === 'Running', 60_000);
      expect(took).toBeGreaterThanOrEqual(5_000);
      expect(took).toBeLessThanOrEqual(10_000);
    }
  });

  it('tells the story of a first start in events', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'web', image: 'nginx' }));
    sim.advance(30_000);
    expect(eventLines(sim, 'web')).toEqual([
      expect.stringMatching(/^Scheduled: Successfully assigned default\/web to kind-worker2?$/),
      'Pulling: Pulling image "nginx"',
      expect.stringMatching(/^Pulled: Successfully pulled image "nginx" in \d+\.?\d*m?s \(\d+\.?\d*m?s including waiting\)\. Image size: 72223946 bytes\.$/),
      'Created: Created container: web',
      'Started: Started container web',
    ]);
    const p = pod(sim, 'web')!;
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest' });
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it.each(['busybox', 'alpine'])('pulls %s in 2 to 4 seconds', (image) => {
    for (const seed of [1, 2, 3]) {
      const sim = newCluster({ seed });
      sim.api.create(podManifest({ name: 'box', image, command: ['sleep', '3600'] }));
      sim.advance(30_000);
      const [pulling] = eventsAbout(sim, 'box').filter((e) => e.reason === 'Pulling');
      const [pulled] = eventsAbout(sim, 'box').filter((e) => e.reason === 'Pulled');
      const seconds = Number(/ in ([\d.]+)s /.exec(pulled.message)?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(2);
      expect(seconds).toBeLessThanOrEqual(4);
      expect(Date.parse(pulled.firstTimestamp!) - Date.parse(pulling.firstTimestamp!)).toBeLessThanOrEqual(5_000);
    }
  });

  it('pulls again in about a second when the policy is Always and the image is already there', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'first', image: 'nginx', nodeSelector: { 'kubernetes.io/hostname': 'kind-worker' } }));
    sim.advance(30_000);
    sim.api.create(podManifest({ name: 'second', image: 'nginx', nodeSelector: { 'kubernetes.io/hostname': 'kind-worker' } }));
    const took = timeUntil(sim, () => phaseOf(sim, 'second')() === 'Running', 30_000)!;
    const pulled = eventsAbout(sim, 'second').find((e) => e.reason === 'Pulled')!;
    const seconds = /in (\d+)ms/.test(pulled.message) ? Number(/in (\d+)ms/.exec(pulled.message)![1]) / 1000 : Number(/in ([\d.]+)s/.exec(pulled.message)![1]);
    expect(seconds).toBeGreaterThanOrEqual(0.5);
    expect(seconds).toBeLessThanOrEqual(1.5);
    expect(took).toBeLessThan(3_000);
  });

  it('does not pull an IfNotPresent image already on the node', () => {
    const sim = newCluster();
    const onWorker = { 'kubernetes.io/hostname': 'kind-worker' };
    sim.api.create(podManifest({ name: 'first', image: 'nginx:1.27', nodeSelector: onWorker }));
    sim.advance(30_000);
    sim.api.create(podManifest({ name: 'second', image: 'nginx:1.27', nodeSelector: onWorker }));
    const took = timeUntil(sim, () => phaseOf(sim, 'second')() === 'Running', 30_000)!;
    expect(eventLines(sim, 'second').slice(1, 3)).toEqual(['Pulled: Container image "nginx:1.27" already present on machine', 'Created: Created container: second']);
    expect(took).toBeLessThan(2_000);
  });

  it('hands out pod IPs in order from the node\'s /24', () => {
    const sim = newCluster();
    const onWorker = { 'kubernetes.io/hostname': 'kind-worker' };
    for (let i = 0; i < 3; i++) {
      sim.api.create(podManifest({ name: `p${i}`, nodeSelector: onWorker }));
      sim.advance(2_000);
    }
    sim.api.create(podManifest({ name: 'other', nodeSelector: { 'kubernetes.io/hostname': 'kind-worker2' } }));
    sim.advance(30_000);
    // 10.244.1.0/24 is the first worker's; its system pods use the host network, so pods get .2, .3, .4.
    const ips = [0, 1, 2].map((i) => pod(sim, `p${i}`)?.status?.podIP);
    expect(ips).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    expect(pod(sim, 'other')?.status?.podIP).toMatch(/^10\.244\.2\.\d+$/);
    expect(pod(sim, 'p0')?.status?.hostIP).toBe('172.18.0.3');
  });
});

describe('kubelet: containers that end', () => {
  it('runs `sleep 30` to completion: Succeeded 30 s after it started, with restartPolicy Never', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'nap', image: 'busybox', command: ['sleep', '30'], restartPolicy: 'Never' }));
    sim.advanceUntil(() => phaseOf(sim, 'nap')() === 'Running', 30_000);
    const took = timeUntil(sim, () => phaseOf(sim, 'nap')() === 'Succeeded', 60_000);
    expect(took).toBe(30_000);
    const status = pod(sim, 'nap')!.status!;
    expect(status.containerStatuses?.[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status.containerStatuses?.[0].restartCount).toBe(0);
    expect(status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('puts a bare busybox into CrashLoopBackOff, restarting on a 10 s back-off that doubles up to 5 min', () => {
    const sim = newCluster();
    const restarts: number[] = [];
    const backoffs: string[] = [];
    sim.onStoreChange((c, now) => {
      if (c.object.kind !== 'Pod' || c.object.metadata.name !== 'crash') return;
      const before = (c.previous as Pod | undefined)?.status?.containerStatuses?.[0];
      const after = (c.object as Pod).status?.containerStatuses?.[0];
      if (after && after.restartCount !== (before?.restartCount ?? 0)) restarts.push(now);
      const msg = after?.state.waiting?.reason === 'CrashLoopBackOff' ? after.state.waiting.message : undefined;
      if (msg && msg !== before?.state.waiting?.message) backoffs.push(/^back-off (\S+) /.exec(msg)![1]);
    });
    sim.api.create(podManifest({ name: 'crash', image: 'busybox' }));
    sim.advance(20 * 60_000);
    expect(backoffs.slice(0, 7)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s']);
    const gaps = restarts.slice(1).map((t, i) => t - restarts[i]);
    // Each restart waits its back-off, then re-pulls (Always) for about a second.
    const waits = [10_000, 20_000, 40_000, 80_000, 160_000, 300_000];
    waits.forEach((w, i) => {
      expect(gaps[i]).toBeGreaterThan(w);
      expect(gaps[i]).toBeLessThan(w + 2_000);
    });
    const p = pod(sim, 'crash')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.containerStatuses?.[0].restartCount).toBe(restarts.length);
    expect(restarts.length).toBeGreaterThanOrEqual(8);
    expect(eventsAbout(sim, 'crash').find((e) => e.reason === 'BackOff')).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container crash in pod crash_default(${p.metadata.uid})` });
  });

  it('reports ErrImagePull, then ImagePullBackOff, for an image that does not exist', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'typo', image: 'ngnix' }));
    const waiting = () => pod(sim, 'typo')?.status?.containerStatuses?.[0].state.waiting?.reason;
    expect(sim.advanceUntil(() => waiting() === 'ErrImagePull', 10_000)).toBe(true);
    expect(pod(sim, 'typo')?.status?.containerStatuses?.[0].state.waiting?.message).toMatch(/^rpc error: code = NotFound desc = failed to pull and unpack image "docker\.io\/library\/ngnix:latest"/);
    expect(sim.advanceUntil(() => waiting() === 'ImagePullBackOff', 10_000)).toBe(true);
    expect(pod(sim, 'typo')?.status?.containerStatuses?.[0].state.waiting?.message).toBe('Back-off pulling image "ngnix"');
    sim.advance(5 * 60_000);
    expect(pod(sim, 'typo')?.status?.phase).toBe('Pending');
    const reasons = new Set(eventsAbout(sim, 'typo').map((e) => `${e.reason}: ${e.message.slice(0, 40)}`));
    expect(reasons).toContain('Failed: Error: ErrImagePull');
    expect(reasons).toContain('Failed: Error: ImagePullBackOff');
    expect(reasons).toContain('BackOff: Back-off pulling image "ngnix"');
    // The pulls are retried, each one counted on the same aggregated Pulling event.
    expect(eventsAbout(sim, 'typo').find((e) => e.reason === 'Pulling')!.count).toBeGreaterThan(2);
  });
});

describe('kubelet: graceful deletion', () => {
  it('waits the whole grace period for `sleep`, which ignores SIGTERM as PID 1', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'sleeper', image: 'busybox', command: ['sleep', '3600'] }));
    sim.advance(30_000);
    sim.api.delete('Pod', 'default', 'sleeper');
    const took = timeUntil(sim, () => !pod(sim, 'sleeper'), 60_000);
    expect(took).toBe(30_000);
    expect(eventLines(sim, 'sleeper')).toContain('Killing: Stopping container sleeper');
  });

  it('stops nginx quickly: it handles SIGTERM', () => {
    const sim = newCluster();
    sim.api.create(podManifest({ name: 'web', image: 'nginx' }));
    sim.advance(30_000);
    sim.api.delete('Pod', 'default', 'web');
    expect(pod(sim, 'web')?.metadata.deletionTimestamp).toBeDefined();
    const took = timeUntil(sim, () => !pod(sim, 'web'), 60_000)!;
    expect(took).toBeGreaterThan(0);
    expect(took).toBeLessThan(1_000);
    expect(eventLines(sim, 'web')).toContain('Killing: Stopping container web');
  });

  it('frees a deleted pod\'s IP for later pods', () => {
    const sim = newCluster();
    const onWorker = { 'kubernetes.io/hostname': 'kind-worker' };
    sim.api.create(podManifest({ name: 'a', nodeSelector: onWorker }));
    sim.advance(30_000);
    const ip = pod(sim, 'a')!.status!.podIP;
    sim.api.delete('Pod', 'default', 'a');
    sim.advance(5_000);
    sim.api.create(podManifest({ name: 'b', nodeSelector: onWorker }));
    sim.advance(30_000);
    // host-local IPAM goes on to the next address rather than reusing the last one at once.
    expect(pod(sim, 'b')!.status!.podIP).not.toBe(ip);
    expect(pod(sim, 'b')!.status!.podIP).toBe('10.244.1.3');
  });
});
