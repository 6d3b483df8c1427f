import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../sim/simulation';
import { MAX_CHECKPOINTS, Session } from './session';

const START = '2026-01-05T09:00:00.000Z';

function busySession(): Session {
  const s = new Session({ start: START, seed: 7 }, [{ name: 'job.yaml', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: ["sh", "-c", "sleep 20"]\n' }]);
  s.run('kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
  s.advance(20_000);
  s.run('kubectl apply -f job.yaml');
  s.advance(40_000);
  return s;
}

describe('Session.rewindTo', () => {
  it('rewinds to an earlier moment, and replaying the same inputs gives byte-identical state', () => {
    const a = busySession();
    const checkpoint = Date.parse(START) + 20_000;
    const b = new Session({ start: START, seed: 7 }, a.listFiles());
    b.run('kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
    b.advance(20_000);
    const stateAtCheckpoint = JSON.stringify(b.sim.save());

    expect(a.rewindTo(checkpoint)).toBe(true);
    expect(a.sim.now()).toBe(checkpoint);
    expect(JSON.stringify(a.sim.save())).toBe(stateAtCheckpoint);

    // Branch: the same later inputs lead to the same end state as the original run.
    const original = busySession();
    a.run('kubectl apply -f job.yaml');
    a.advance(40_000);
    expect(JSON.stringify(a.sim.save())).toBe(JSON.stringify(original.sim.save()));
  });

  it('forgets the inputs after the moment it went back to', () => {
    const s = busySession();
    s.rewindTo(Date.parse(START) + 10_000);
    expect(s.journal.map((e) => e.type)).toEqual(['command', 'advance']);
    expect(s.sim.api.tryGet('Job', 'default', 'hello')).toBeUndefined();
  });
});

describe('Session.rewindTo with checkpoints', () => {
  /** An hour of a cluster at work: a Deployment, a CronJob every minute, files, traffic, a node down. */
  function longSession(): Session {
    const s = new Session({ start: START, seed: 11 }, [{ name: 'cj.yaml', text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: "*/1 * * * *"\n  successfulJobsHistoryLimit: 2\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: ["sh", "-c", "sleep 5"]\n' }]);
    s.run('kubectl create deployment web --image=nginx --replicas=3');
    s.run('kubectl expose deployment web --port=80 --type=NodePort');
    s.run('kubectl apply -f cj.yaml');
    // The play loop's many small frames, merged by the journal into long advances.
    for (let i = 0; i < 10 * 60; i++) s.advance(1_000);
    s.act({ type: 'start-traffic', from: { kind: 'internet' }, to: { service: { namespace: 'default', name: 'web' } }, rate: 1 });
    s.writeFile('notes.txt', 'half-way');
    for (let i = 0; i < 20; i++) s.advance(60_000);
    s.act({ type: 'stop-node', node: 'kind-worker2' });
    s.run('kubectl scale deployment web --replicas=5');
    s.advance(30 * 60_000);
    return s;
  }

  const state = (s: Session) => JSON.stringify({ sim: s.sim.save(), files: s.listFiles(), journal: s.journal });

  it('keeps a bounded number of checkpoints while a long session runs', () => {
    const s = longSession();
    expect(s.checkpointCount).toBeGreaterThan(3);
    expect(s.checkpointCount).toBeLessThanOrEqual(MAX_CHECKPOINTS);
  });

  it('gives the same state as a replay from the origin, for moments inside a merged advance, at an input and past the last checkpoint', { timeout: 60_000 }, () => {
    const start = Date.parse(START);
    for (const offset of [7 * 60_000 + 500, 10 * 60_000, 58 * 60_000]) {
      const fast = longSession();
      const slow = longSession();
      expect(fast.rewindTo(start + offset)).toBe(true);
      expect(slow.rewindTo(start + offset, { useCheckpoints: false })).toBe(true);
      expect(state(fast), `rewound to +${offset} ms`).toBe(state(slow));
    }
  });

  it('rewinds a long session by replaying from the nearest checkpoint, not from the origin', { timeout: 30_000 }, () => {
    // Work is measured as simulated time replayed (deterministic), not wall-clock time.
    const replayed = (useCheckpoints: boolean) => {
      const s = longSession();
      const end = s.sim.now();
      const advance = vi.spyOn(Simulation.prototype, 'advance');
      s.rewindTo(end - 60_000, { useCheckpoints });
      const ms = advance.mock.calls.reduce((sum, [d]) => sum + d, 0);
      advance.mockRestore();
      return ms;
    };
    expect(replayed(true)).toBeLessThan(replayed(false) / 2);
  });
});

describe('Session.advance and the time-lapse', () => {
  it('journals a long advance as one lapsed entry and replays it to the same state', { timeout: 30_000 }, () => {
    const s = new Session({ start: START, seed: 3 });
    s.run('kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- date');
    s.advance(1000);
    s.advance(1000);
    s.advance(4 * 3_600_000);
    expect(s.sim.lapsedMs).toBeGreaterThan(0);
    // Frames merge; the lapsed advance stays one piece of its own.
    expect(s.journal.filter((e) => e.type === 'advance').map((e) => (e.type === 'advance' ? [e.ms, e.lapse ?? false] : []))).toEqual([
      [2000, false],
      [4 * 3_600_000, true],
    ]);
    const end = s.sim.now();
    const state = JSON.stringify(s.sim.save());
    expect(s.rewindTo(end, { useCheckpoints: false })).toBe(true);
    expect(JSON.stringify(s.sim.save())).toBe(state);
  });
});
